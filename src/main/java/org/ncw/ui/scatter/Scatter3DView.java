package org.ncw.ui.scatter;

import javafx.application.ConditionalFeature;
import javafx.application.Platform;
import javafx.beans.Observable;
import javafx.scene.AmbientLight;
import javafx.scene.Group;
import javafx.scene.PerspectiveCamera;
import javafx.scene.SceneAntialiasing;
import javafx.scene.SubScene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.paint.PhongMaterial;
import javafx.scene.shape.Box;
import javafx.scene.shape.MeshView;
import javafx.scene.shape.TriangleMesh;
import javafx.scene.text.Text;
import javafx.scene.transform.Rotate;
import javafx.scene.transform.Translate;
import org.ncw.engine.dataset.LabelGrid;
import org.ncw.ui.fx.LatestWins;
import org.ncw.ui.fx.RenderThreads;

/**
 * Rotatable 3D view of the 3D table (time, frequency, intensity) coloured by label. Points are tiny tetrahedra
 * in one mesh per label (two draw calls, not thousands of nodes). Drag rotates, wheel zooms.
 */
public final class Scatter3DView extends StackPane {
    private static final int MAX_POINTS = 9_000;
    private static final double HALF = 100;
    private final ScatterViewModel model;
    private final Group world = new Group();
    private final Group cloud = new Group();
    private final Group ticks = new Group();
    private final Rotate rotX = new Rotate(-25, Rotate.X_AXIS);
    private final Rotate rotY = new Rotate(-35, Rotate.Y_AXIS);
    private final PerspectiveCamera camera = new PerspectiveCamera(true);
    private final LatestWins<ScatterPoints> sampler = new LatestWins<>(RenderThreads.pool());
    private double lastX;
    private double lastY;

    public Scatter3DView(ScatterViewModel model) {
        this.model = model;
        getStyleClass().add("scatter3d-view");
        if (!Platform.isSupported(ConditionalFeature.SCENE3D)) {
            Label l = new Label("3D view needs a graphics pipeline with 3D support (not available here).");
            l.getStyleClass().add("placeholder");
            getChildren().add(l);
            return;
        }
        world.getTransforms().addAll(rotX, rotY);
        world.getChildren().addAll(axes(), ticks, cloud);
        camera.setNearClip(0.1);
        camera.setFarClip(5000);
        camera.setFieldOfView(35);
        camera.getTransforms().add(new Translate(0, 0, -560));
        Group root = new Group(world, new AmbientLight(Color.WHITE));
        SubScene sub = new SubScene(root, 400, 300, true, SceneAntialiasing.BALANCED);
        sub.setFill(Color.web("#0d1117"));
        sub.setCamera(camera);
        sub.widthProperty().bind(widthProperty());
        sub.heightProperty().bind(heightProperty());
        setMinSize(0, 0);
        Label hint = new Label("drag to rotate · wheel to zoom · x = time, y = frequency, z = intensity · "
                + "cyan = speech, orange = noise");
        hint.getStyleClass().add("overlay-hint");
        StackPane.setAlignment(hint, javafx.geometry.Pos.TOP_LEFT);
        getChildren().addAll(sub, hint);
        setOnMousePressed(e -> {
            lastX = e.getSceneX();
            lastY = e.getSceneY();
        });
        setOnMouseDragged(e -> {
            rotY.setAngle(rotY.getAngle() + (e.getSceneX() - lastX) * 0.4);
            rotX.setAngle(Math.max(-90, Math.min(90, rotX.getAngle() - (e.getSceneY() - lastY) * 0.4)));
            lastX = e.getSceneX();
            lastY = e.getSceneY();
        });
        setOnScroll(e -> {
            Translate t = (Translate) camera.getTransforms().get(0);
            t.setZ(Math.max(-2000, Math.min(-150, t.getZ() + e.getDeltaY())));
        });
        for (Observable o : new Observable[] {model.spectrumProperty(), model.labelsProperty()}) {
            o.addListener(x -> rebuild());
        }
        rebuild();
    }

    private void rebuild() {
        var s = model.spectrumProperty().get();
        if (s == null) {
            return;
        }
        LabelGrid labels = model.labelsProperty().get();
        sampler.submit(() -> ScatterPoints.sample(s, labels, 60, MAX_POINTS), this::show);
    }

    private void show(ScatterPoints p) {
        cloud.getChildren().clear();
        double t1 = 0;
        for (int i = 0; i < p.count(); i++) {
            t1 = Math.max(t1, p.seconds()[i]);
        }
        showTicks(t1, p.maxHz(), p.minDb(), p.maxDb());
        for (int label : new int[] {LabelGrid.NOISE, LabelGrid.SPEECH, -1}) {
            TriangleMesh mesh = new TriangleMesh();
            mesh.getTexCoords().addAll(0, 0);
            int n = 0;
            for (int i = 0; i < p.count(); i++) {
                int l = p.labels()[i];
                boolean mine = label == -1 ? l != LabelGrid.NOISE && l != LabelGrid.SPEECH : l == label;
                if (!mine) {
                    continue;
                }
                float x = (float) ((p.seconds()[i] / Math.max(1e-9, t1) * 2 - 1) * HALF);
                float y = (float) (-(p.hertz()[i] / p.maxHz() * 2 - 1) * HALF);
                float z = (float) (-((p.db()[i] - p.minDb()) / (p.maxDb() - p.minDb()) * 2 - 1) * HALF);
                addTetrahedron(mesh, n++, x, y, z, 1.1f);
            }
            if (n == 0) {
                continue;
            }
            MeshView view = new MeshView(mesh);
            view.setMaterial(new PhongMaterial(ScatterView.labelColor(label)));
            cloud.getChildren().add(view);
        }
    }

    private static void addTetrahedron(TriangleMesh mesh, int index, float x, float y, float z, float r) {
        mesh.getPoints().addAll(x, y - r, z, x - r, y + r, z - r, x + r, y + r, z - r, x, y + r, z + r);
        int b = index * 4;
        mesh.getFaces().addAll(b, 0, b + 1, 0, b + 2, 0, b, 0, b + 2, 0, b + 3, 0,
                b, 0, b + 3, 0, b + 1, 0, b + 1, 0, b + 3, 0, b + 2, 0);
    }

    /** Tick labels with units along the three axes, for the data's extent (time s, frequency Hz, level dB). */
    private void showTicks(double t1, double maxHz, double minDb, double maxDb) {
        ticks.getChildren().clear();
        Color text = Color.web("#adbac7");
        for (double t : org.ncw.ui.timeline.AxisTicks.ticks(0, t1, 5)) {
            addTick(text, (t / Math.max(1e-9, t1) * 2 - 1) * HALF, HALF + 12, HALF,
                    org.ncw.ui.timeline.AxisTicks.seconds(t, t1 / 5));
        }
        for (double hz : org.ncw.ui.timeline.AxisTicks.ticks(0, maxHz, 5)) {
            addTick(text, -HALF - 34, -(hz / maxHz * 2 - 1) * HALF, HALF,
                    org.ncw.ui.timeline.AxisTicks.hertz(hz) + " Hz");
        }
        for (double db : org.ncw.ui.timeline.AxisTicks.ticks(minDb, maxDb, 4)) {
            addTick(text, -HALF - 6, HALF + 12, -((db - minDb) / (maxDb - minDb) * 2 - 1) * HALF,
                    String.format(java.util.Locale.ROOT, "%.0f dB", db));
        }
    }

    private void addTick(Color colour, double x, double y, double z, String label) {
        Text t = new Text(label);
        t.setFill(colour);
        t.setFont(javafx.scene.text.Font.font(9));
        t.getTransforms().add(new Translate(x, y, z));
        ticks.getChildren().add(t);
    }

    private static Group axes() {
        Group g = new Group();
        String[] names = {"time", "frequency", "intensity"};
        Color[] colors = {Color.web("#e6edf3"), Color.web("#9ccc65"), Color.web("#ffb74d")};
        for (int a = 0; a < 3; a++) {
            Box box = new Box(a == 0 ? 2 * HALF : 0.8, a == 1 ? 2 * HALF : 0.8, a == 2 ? 2 * HALF : 0.8);
            box.setMaterial(new PhongMaterial(colors[a]));
            box.getTransforms().add(new Translate(a == 0 ? 0 : -HALF, a == 1 ? 0 : HALF, a == 2 ? 0 : HALF));
            Text label = new Text(names[a]);
            label.setFill(colors[a]);
            label.getTransforms().add(new Translate(a == 0 ? HALF + 4 : -HALF, a == 1 ? -HALF - 6 : HALF,
                    a == 2 ? -HALF - 6 : HALF));
            g.getChildren().addAll(box, label);
        }
        return g;
    }
}
