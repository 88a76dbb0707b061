package dev.blendbench.app.cli;

import dev.blendbench.engine.demo.DemoScene;
import dev.blendbench.engine.scene.Scene;
import dev.blendbench.engine.stress.CompositeWorkload;
import dev.blendbench.engine.stress.ServiceTime;
import dev.blendbench.engine.stress.Stall;
import dev.blendbench.engine.stress.Strategy;
import dev.blendbench.engine.stress.SyntheticWorkload;
import dev.blendbench.engine.stress.Ticker;
import dev.blendbench.engine.stress.Workload;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The job a stress or cliff run measures: the scene and strategy, or a synthetic job. Shared by both commands. */
public final class JobOptions {
    /** The command this is mixed into: what was given on its command line. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Parameters(paramLabel = "LAYER", arity = "0..*", description = "Scene layers, bottom first, as for compose (default: the demo scene).")
    List<String> layers = new ArrayList<>();

    @Option(names = "--strategy", paramLabel = "NAME", defaultValue = "per-worker",
            description = "shared-locked, shared-fair, shared-unsafe, striped, per-worker, pooled, alloc-per-job, tiled-parallel (default: ${DEFAULT-VALUE});"
                    + " stress takes several, comma-separated: each runs in turn, then they are compared.")
    String strategy;

    @Option(names = "--stages", paramLabel = "LIST", defaultValue = "composite",
            description = "Timed stages: composite, optionally with decode and encode (default: ${DEFAULT-VALUE}).")
    String stages;

    @Option(names = "--synthetic", paramLabel = "const:2ms|exp:10ms[:spin]", description = "Run a synthetic job instead of compositing.")
    String synthetic;

    @Option(names = "--inject-stall", paramLabel = "AT:LENGTH", description = "Freeze all job service once (synthetic job), e.g. 10s:1s.")
    String stall;

    @Option(names = "--max-pixels", paramLabel = "N", defaultValue = "100000000", description = "Refuse larger input images.")
    long maxPixels;

    /** Everything that can be checked without loading images or running anything. */
    void validate() {
        if (synthetic != null) {
            if (!layers.isEmpty()) throw new BadInputException("--synthetic runs no scene: leave out the LAYERs");
            // options of the composite job would be ignored without a word: refused instead
            for (String o : List.of("--strategy", "--stages", "--max-pixels")) {
                if (given(o)) throw new BadInputException(o + " sets up the composite job; --synthetic runs none: leave out " + o);
            }
            try {
                ServiceTime.parse(synthetic);
                if (stall != null) Stall.parse(stall);
            } catch (IllegalArgumentException e) {
                throw new BadInputException(e.getMessage());
            }
            return;
        }
        if (stall != null) throw new BadInputException("--inject-stall works with --synthetic only");
        try {
            Strategy.parse(strategy);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
        stageList();
        for (String l : layers) {
            Path p = LayerSpec.parse(l).path();
            if (Files.isDirectory(p)) throw new BadInputException(p + ": is a folder, not an image or document");
            if (!Files.isRegularFile(p)) throw new BadInputException(p + ": no such file");
        }
    }

    private boolean given(String option) {
        return mixee != null && mixee.commandLine() != null && mixee.commandLine().getParseResult() != null
                && mixee.commandLine().getParseResult().hasMatchedOption(option);
    }

    private List<String> stageList() {
        List<String> st = new ArrayList<>();
        for (String s : stages.toLowerCase(Locale.ROOT).split(",")) {
            if (!List.of("decode", "composite", "encode").contains(s.trim())) {
                throw new BadInputException("--stages: unknown stage '" + s + "'; expected decode, composite, encode");
            }
            st.add(s.trim());
        }
        return st;
    }

    /** Loads the scene (once) and returns a factory of fresh workloads, recording the settings. */
    java.util.function.Supplier<Workload> factory(Map<String, Object> settings, PrintWriter err) {
        return factory(settings, err, null);
    }

    /** As {@link #factory(Map, PrintWriter)}, with the composite jobs reporting to a race detector. */
    java.util.function.Supplier<Workload> factory(Map<String, Object> settings, PrintWriter err,
                                                 dev.blendbench.engine.race.RaceDetector races) {
        validate();
        if (synthetic != null) {
            ServiceTime st = ServiceTime.parse(synthetic);
            Stall s = stall == null ? null : Stall.parse(stall);
            settings.put("synthetic", synthetic);
            if (stall != null) settings.put("stall", stall);
            return () -> new SyntheticWorkload(st, s, Ticker.SYSTEM);
        }
        Strategy strat = Strategy.parse(strategy);
        List<String> st = stageList();
        Scene scene = layers.isEmpty() ? DemoScene.scene()
                : SceneLoader.load(layers.stream().map(LayerSpec::parse).toList(), null, null, maxPixels, err);
        settings.put("strategy", strat.cliName());
        settings.put("scene", layers.isEmpty() ? "demo" : String.join(" ", layers));
        return () -> new CompositeWorkload(scene, strat, st.contains("decode"), st.contains("encode"), races);
    }
}
