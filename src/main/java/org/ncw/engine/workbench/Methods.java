package org.ncw.engine.workbench;

import org.ncw.engine.cluster.strategy.DatasetKind;
import org.ncw.engine.cluster.strategy.StrategyKind;
import org.ncw.engine.core.InvalidParameterException;
import org.ncw.engine.mask.MaskMode;
import org.ncw.engine.production.ProductionChain;
import org.ncw.engine.production.ProductionSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The one registry of methods, in the order tables list them. A new method is one class and one line in
 * {@link #shipped()}; it then appears in the workbench, {@code ncw denoise --method} and {@code bench-quality}.
 * {@link #register} adds one at run time (an extension, or a test).
 */
public final class Methods {
    public static final String BLIND_DENOISER = "blind-denoiser";
    /** Accepted for the experiment's production chain: production:PRESET of its preset. */
    public static final String PRODUCTION_ALIAS = "production";
    /** Accepted for the experiment's clustering: cluster:STRATEGY/DATASET/MASK of its settings. */
    public static final String CLUSTER_ALIAS = "cluster";
    /** The old name of the blind denoiser on the command line. */
    public static final String BLIND_ALIAS = "blind";

    private static final List<Method<?>> SHIPPED = shipped();
    private static final List<Method<?>> REGISTERED = new CopyOnWriteArrayList<>();

    private Methods() {
    }

    private static List<Method<?>> shipped() {
        List<Method<?>> methods = new ArrayList<>();
        methods.add(new Unprocessed());
        for (String preset : ProductionChain.PRESETS) {
            methods.add(new ProductionMethod(preset));
        }
        for (StrategyKind strategy : StrategyKind.values()) {
            for (DatasetKind dataset : DatasetKind.values()) {
                for (MaskMode mask : MaskMode.values()) {
                    methods.add(new ClusteringMethod(strategy, dataset, mask));
                }
            }
        }
        methods.add(new IcaChainMethod(false));
        methods.add(new IcaChainMethod(true));
        methods.add(new BlindDenoiserMethod());
        return List.copyOf(methods);
    }

    /** Every method: the shipped ones, then the registered ones. */
    public static List<Method<?>> all() {
        List<Method<?>> all = new ArrayList<>(SHIPPED);
        all.addAll(REGISTERED);
        return List.copyOf(all);
    }

    public static List<String> names() {
        return all().stream().map(Method::name).toList();
    }

    /** Adds a method (its name must be new); {@link #unregister} takes it away again. */
    public static void register(Method<?> method) {
        if (byName(method.name()).isPresent() || isAlias(method.name())) {
            throw new IllegalArgumentException("a method named '" + method.name() + "' exists already");
        }
        REGISTERED.add(method);
    }

    public static void unregister(Method<?> method) {
        REGISTERED.remove(method);
    }

    public static Method<?> unprocessed() {
        return SHIPPED.get(0);
    }

    public static Optional<Method<?>> byName(String name) {
        return all().stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /** True for a method's name or one of the aliases {@link #resolve} accepts. */
    public static boolean knows(String name) {
        return isAlias(name) || byName(name).isPresent() || name.equals("production:" + ProductionSettings.CUSTOM);
    }

    private static boolean isAlias(String name) {
        return name.equals(PRODUCTION_ALIAS) || name.equals(CLUSTER_ALIAS) || name.equals(BLIND_ALIAS);
    }

    private static Method<?> shippedOr(Method<?> method) {
        return byName(method.name()).orElse(method);
    }

    /**
     * The method a name stands for in an experiment: its own name, or an alias ({@value #PRODUCTION_ALIAS}: the
     * experiment's production chain, {@value #CLUSTER_ALIAS}: its clustering, {@value #BLIND_ALIAS}: the blind
     * denoiser). Case and surrounding blanks do not matter.
     */
    public static Method<?> resolve(String name, WorkbenchOptions experiment) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        return switch (n) {
            case PRODUCTION_ALIAS -> shippedOr(new ProductionMethod(experiment.production().preset()));
            case CLUSTER_ALIAS -> shippedOr(new ClusteringMethod(experiment.strategy().strategy(),
                    experiment.strategy().dataset(), experiment.mask().mode()));
            case BLIND_ALIAS -> byName(BLIND_DENOISER).orElseThrow();
            default -> n.equals("production:" + ProductionSettings.CUSTOM)
                    ? new ProductionMethod(ProductionSettings.CUSTOM)
                    : byName(n).orElseThrow(() -> new InvalidParameterException("unknown method '" + name
                    + "'; known: " + String.join(", ", names()) + " (and " + PRODUCTION_ALIAS + ", " + CLUSTER_ALIAS
                    + ", " + BLIND_ALIAS + ")"));
        };
    }
}
