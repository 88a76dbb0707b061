package dev.blendbench.bench;

import dev.blendbench.engine.blend.BlendMode;
import dev.blendbench.engine.blend.Compositor;
import dev.blendbench.engine.blend.SpanKernel;
import dev.blendbench.engine.colour.BlendSpace;
import dev.blendbench.engine.render.Groups;
import dev.blendbench.engine.render.TileRenderer;
import dev.blendbench.engine.resample.Filter;
import dev.blendbench.engine.resample.Transform;
import dev.blendbench.engine.scene.Layer;
import dev.blendbench.engine.scene.LayerMask;
import dev.blendbench.engine.scene.Scene;
import dev.blendbench.engine.surface.Surface;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A whole 8-layer scene (source-over, layers with transparent areas): the tiled renderer against
 * 8 separate full-canvas source-over passes of the same layers (what a layer-at-a-time compositor
 * does), measured in the same run, both on the same number of threads: one by default; with
 * {@code -p threads=N} the renderer gets N threads and the passes are split into N row bands, one
 * per thread, each band taking all 8 passes in turn (no barrier between layers, the baseline's
 * best case). Run with {@code -prof gc} to see the renderer's allocation per render.
 *
 * <p>Run: {@code java -jar engine/benchmarks/target/benchmarks.jar SceneBenchmark -prof gc}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx4g"})
@State(Scope.Thread)
public class SceneBenchmark {
    @Param({"3840x2160"})
    public String size;

    @Param({"8"})
    public int layers;

    @Param({"4096x16"})
    public String tile;

    /** Threads for both sides: the renderer's parallelism, and the number of row bands of the passes. */
    @Param({"1"})
    public int threads;

    /** srgb or linear: the scene's blend space. */
    @Param({"srgb"})
    public String blendSpace;

    /**
     * shapes: soft-edged discs (opaque interiors, rims, transparent around); stripes: opaque and
     * transparent vertical stripes 20 pixels wide, each layer's 5 pixels to the right of the one
     * below (hard edges everywhere: the most runs and occlusion slivers per row).
     */
    @Param({"shapes"})
    public String content;

    /** false: layers placed at whole pixels; true: each overlay scaled, at a fractional offset, one rotated. */
    @Param({"false"})
    public boolean transformed;

    /**
     * false: every layer on the canvas; true: the third layer to the last in a group (source-over,
     * 100 %), of which the fifth and sixth are in a group of their own (source-over, 80 %): the renderer composites
     * each group into a buffer first, tile by tile. The full passes stay the flat layers.
     */
    @Param({"false"})
    public boolean grouped;

    /**
     * With {@code grouped}: the outer group a clipping one (its layers above the first, the
     * nested group among them, clipped to the first), as a Photoshop clipping mask is read.
     */
    @Param({"false"})
    public boolean clipping;

    /**
     * With {@code grouped} (and not {@code clipping}): the outer group an isolated one ({@code no}),
     * or a pass-through one at 100 % ({@code full}: its layers render in its place, inlined), at
     * 80 % ({@code faded}: its layers composited over a copy of the backdrop, then faded into it),
     * or at 100 % with a mask over the canvas, a ramp from hidden to shown ({@code masked}: faded
     * pixel by pixel).
     */
    @Param({"no"})
    public String passThrough;

    /** With {@code grouped}: the outer group, whichever kind, through a ramp mask over the canvas (hidden on the left). */
    @Param({"false"})
    public boolean groupMasked;

    /**
     * true: every layer above the background drawn through a pixel mask over its whole rectangle
     * (a ramp, dark to light, left to right, with hidden and shown columns), applied on each
     * render. The full passes stay unmasked.
     */
    @Param({"false"})
    public boolean masked;

    /**
     * With {@code masked}: ramp (as above: only its right tenth whole, so hardly anything hidden by
     * a masked layer), or hole (whole but for a hidden rectangle in the middle ninth: a mask as
     * one is often painted, which lets a masked layer hide what is below it elsewhere).
     */
    @Param({"ramp"})
    public String maskShape;

    private Scene scene;
    private List<Layer> flat;
    private Surface target;
    private TileRenderer renderer;
    private SpanKernel over;
    private ThreadPoolExecutor pool;

    @Setup
    public void setUp() {
        String[] wh = size.split("x");
        int w = Integer.parseInt(wh[0]), h = Integer.parseInt(wh[1]);
        List<Layer> ls = new ArrayList<>();
        Surface bg = Data.noise(w, h, 99);
        int[] p = bg.array();
        for (int i = 0; i < p.length; i++) p[i] |= 0xFF000000; // opaque background
        ls.add(Layer.of("background", bg));
        for (int i = 1; i < layers; i++) {
            if (!transformed) {
                ls.add(Layer.of("layer " + i, content.equals("stripes") ? Data.stripes(w, h, 20, 5 * i) : Data.shapes(w, h, i, 0.35)));
                continue;
            }
            // the same coverage, from a source 0.8 the size, scaled 1.25 at a fractional offset
            int sw = w * 4 / 5, sh = h * 4 / 5;
            Filter f = i % 3 == 0 ? Filter.MITCHELL : Filter.BILINEAR;
            double deg = i == layers - 1 ? 12 : 0;
            ls.add(Layer.of("layer " + i, Data.shapes(sw, sh, i, 0.35))
                    .withTransform(Transform.place(sw, sh, 0.5 + i, 0.25, 1.25, deg), f));
        }
        BlendSpace space = BlendSpace.parse(blendSpace);
        flat = List.copyOf(ls);
        if (masked) {
            for (int i = 1; i < ls.size(); i++) {
                Layer l = ls.get(i);
                int mw = l.source().width(), mh = l.source().height();
                byte[] v = new byte[mw * mh];
                boolean hole = maskShape.equals("hole");
                for (int y = 0; y < mh; y++) {
                    for (int x = 0; x < mw; x++) {
                        boolean in = x >= mw / 3 && x < 2 * mw / 3 && y >= mh / 3 && y < 2 * mh / 3;
                        v[y * mw + x] = (byte) (maskShape.equals("whole") ? 255 : hole ? (in ? 0 : 255) : Math.clamp((x * 320L / mw) - 32, 0, 255));
                    }
                }
                ls.set(i, l.withMask(new LayerMask(v, 0, 0, mw, mh, 0, true)));
            }
        }
        if (grouped && ls.size() >= 6) {
            Layer inner = Groups.of("inner", new Scene(w, h, 0, ls.subList(4, 6), space), 0, 0, BlendMode.SOURCE_OVER, 0.8f, true);
            List<Layer> outer = new ArrayList<>(ls.subList(2, 4));
            outer.add(inner);
            outer.addAll(ls.subList(6, ls.size()));
            Layer group = switch (passThrough) {
                case "no" -> Groups.of("outer", new Scene(w, h, 0, outer, space, clipping), 0, 0, BlendMode.SOURCE_OVER, 1f, true);
                case "full", "faded" -> Groups.passThrough("outer", new Scene(w, h, 0, outer, space), 0, 0, true)
                        .withOpacity(passThrough.equals("faded") ? 0.8f : 1f);
                case "masked" -> Groups.passThrough("outer", new Scene(w, h, 0, outer, space), 0, 0, true).withMask(ramp(w, h));
                default -> throw new IllegalArgumentException("passThrough: no, full, faded or masked, not " + passThrough);
            };
            if (groupMasked) group = group.withMask(ramp(w, h));
            ls = List.of(ls.get(0), ls.get(1), group);
        }
        scene = new Scene(w, h, 0, ls, space);
        target = Surface.allocate(w, h);
        String[] t = tile.split("x");
        if (threads > 1) {
            pool = new ThreadPoolExecutor(threads - 1, threads - 1, 1, TimeUnit.MINUTES, new ArrayBlockingQueue<>(64));
            pool.prestartAllCoreThreads();
        }
        renderer = new TileRenderer(threads > 1 ? pool : Runnable::run, threads, Integer.parseInt(t[0]), Integer.parseInt(t[1]));
        over = Compositor.kernel(BlendMode.SOURCE_OVER);
    }

    @TearDown
    public void tearDown() {
        if (pool != null) pool.shutdownNow();
    }

    /** The engine: all layers of a tile while it is in cache, transparent spans skipped. */
    @Benchmark
    public Surface tiledRenderer() {
        renderer.render(scene, target);
        return target;
    }

    /** The baseline: one full-canvas source-over pass per layer, no skipping. */
    @Benchmark
    public Surface separateFullPasses() throws Exception {
        int n = target.array().length;
        if (threads == 1) {
            passes(0, n);
            return target;
        }
        int band = (n + threads - 1) / threads;
        List<Future<?>> others = new ArrayList<>(threads - 1);
        for (int k = 1; k < threads; k++) {
            int from = Math.min(n, k * band), to = Math.min(n, from + band);
            others.add(pool.submit(() -> passes(from, to)));
        }
        passes(0, Math.min(n, band));
        for (Future<?> f : others) f.get();
        return target;
    }

    /** Background, then every layer's source-over pass, over pixels [from, to). */
    private void passes(int from, int to) {
        int[] d = target.array();
        java.util.Arrays.fill(d, from, to, scene.background());
        for (int i = 0; i < flat.size(); i++) {
            over.blend(flat.get(i).source().array(), from, d, from, to - from);
        }
    }

    /** A w × h mask from hidden on the left to shown on the right. */
    private static LayerMask ramp(int w, int h) {
        byte[] v = new byte[w * h];
        for (int y = 0, i = 0; y < h; y++) for (int x = 0; x < w; x++) v[i++] = (byte) (x * 255L / (w - 1));
        return new LayerMask(v, 0, 0, w, h, 0, true);
    }
}
