package org.ncw.ui.timeline;

import java.util.function.DoubleConsumer;
import javafx.scene.Node;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

/**
 * Mouse gestures shared by the time-axis views: wheel zooms around the pointer, drag pans, shift-drag selects,
 * a click seeks the playhead.
 */
public final class TimelineGestures {
    private double pressX;
    private double lastX;
    private boolean dragged;

    private TimelineGestures() {
    }

    /** @param leftInset width of the axis gutter left of the plot area (pixels), {@code plotWidth} the plot width */
    public static void install(Node node, TimeViewport vp, java.util.function.DoubleSupplier leftInset,
                               java.util.function.DoubleSupplier plotWidth, DoubleConsumer seek) {
        TimelineGestures g = new TimelineGestures();
        node.addEventHandler(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() == 0) {
                return;
            }
            double t = vp.xToTime(e.getX() - leftInset.getAsDouble(), plotWidth.getAsDouble());
            vp.zoom(e.getDeltaY() > 0 ? 0.8 : 1.25, t);
            e.consume();
        });
        node.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            g.pressX = e.getX();
            g.lastX = e.getX();
            g.dragged = false;
        });
        node.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (e.getButton() != MouseButton.PRIMARY) {
                return;
            }
            double w = plotWidth.getAsDouble();
            g.dragged = g.dragged || Math.abs(e.getX() - g.pressX) > 3;
            if (e.isShiftDown()) {
                double l = leftInset.getAsDouble();
                vp.select(vp.xToTime(g.pressX - l, w), vp.xToTime(e.getX() - l, w));
            } else {
                vp.pan(-(e.getX() - g.lastX) / w * vp.span());
            }
            g.lastX = e.getX();
        });
        node.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && !g.dragged && e.isStillSincePress()) {
                double t = vp.xToTime(e.getX() - leftInset.getAsDouble(), plotWidth.getAsDouble());
                seek.accept(Math.max(0, Math.min(vp.duration(), t)));
            }
        });
    }
}
