package dev.blendbench.app.gui;

import dev.blendbench.engine.stress.Strategy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.prefs.Preferences;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Stress tab's form: a session's settings (workers, platform or virtual threads, closed loop
 * or a target rate and its arrivals, strategy, duration, warm-up, heap and collector of the
 * forked JVM, race detector, flight recording), the mode (one session, a ramp with its steps and
 * objective, or the strategies to compare), Start, Stop and Export…, and the status line under
 * them. It checks what was typed ({@link #settings}); while {@link #locked()} every setting is
 * disabled. What the buttons do is the {@link StressPanel}'s.
 */
final class StressForm {
    private final Spinner<Integer> workers = NumberSpinners.whole("Workers", 1, 512, 4, this::complain);
    private final CheckBox virtual = new CheckBox("Virtual threads");
    private final ComboBox<String> loop = new ComboBox<>(FXCollections.observableArrayList("closed loop", "target rate"));
    private final Spinner<Double> rate = NumberSpinners.decimal("Rate", 1, 1_000_000, 200, 50, this::complain);
    /** Open-loop arrival spacing: every 1/rate exactly, or a Poisson process (as real traffic). */
    private final ComboBox<String> arrivals = new ComboBox<>(FXCollections.observableArrayList("constant", "poisson"));
    private final ComboBox<String> strategy = new ComboBox<>();
    private final Spinner<Double> seconds = NumberSpinners.decimal("Duration", 0.5, 3600, 10, 1, this::complain);
    /** At most 30 s, ended once steady by default: a fresh workload JVM's warm-up takes 5–10 s here, and a short one is flagged. */
    private final Spinner<Double> warmup = NumberSpinners.decimal("Warm-up", 0, 600, 30, 1, this::complain);
    private final TextField heap = new TextField();
    private final ComboBox<String> gc = new ComboBox<>(FXCollections.observableArrayList("default", "g1", "zgc", "parallel", "serial"));
    private final CheckBox races = new CheckBox("Race detector");
    private final CheckBox flight = new CheckBox("Flight recording");
    private final CheckBox untilSteady = new CheckBox("Until steady (at most this)");
    private final RadioButton single = new RadioButton("One session"), ramp = new RadioButton("Ramp: find the cliff"),
            compare = new RadioButton("Compare strategies");
    /** The ramp's default steps: worker counts in closed loop, rates at a target rate. */
    static final String WORKER_STEPS = "1, 2, 4, 8", RATE_STEPS = "100, 200, 400, 800";
    private final TextField rampSteps = new TextField(WORKER_STEPS);
    /** A ramp's latency objective (p99=20ms), optional: drawn on its chart, and said up to which step it holds. */
    private final TextField objective = new TextField();
    private final List<CheckBox> compareWith = new ArrayList<>();
    private final Button start = new Button("Start"), stop = new Button("Stop"), export = new Button("Export…"),
            reset = new Button("Defaults");
    private final Label status = new Label("Ready.");
    /** True from Start until the last session ends: the form is locked, so every queued strategy runs as it said. */
    private final BooleanProperty locked = new SimpleBooleanProperty();
    private final Node node;

    StressForm() {
        node = layout();
    }

    Node node() { return node; }

    /** True from Start until the last session ends; the panel sets it. */
    BooleanProperty locked() { return locked; }

    Button start() { return start; }

    Button stop() { return stop; }

    Button export() { return export; }

    /** The status line under the buttons: what runs, a result, or what was wrong. */
    Label status() { return status; }

    /** The race detector's box (the panel's placeholder follows it between sessions). */
    CheckBox races() { return races; }

    /** Whether the mode is comparing strategies. */
    boolean comparing() { return compare.isSelected(); }

    /** The strategies a Start runs: the ticked ones when comparing (perhaps none), else the one chosen. */
    List<String> plan() {
        return compare.isSelected() ? compareWith.stream().filter(CheckBox::isSelected).map(CheckBox::getText).toList()
                : List.of(strategy.getValue());
    }

    private Node layout() {
        GridPane g = new GridPane();
        // the fields' column takes the form's width, however long the texts below it are
        javafx.scene.layout.ColumnConstraints fields = new javafx.scene.layout.ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        g.getColumnConstraints().addAll(new javafx.scene.layout.ColumnConstraints(), fields);
        g.setHgap(8);
        g.setVgap(6);
        g.setPadding(new Insets(8));
        workers.setId("stress-workers");
        virtual.setId("stress-virtual");
        loop.setId("stress-loop");
        loop.setValue("closed loop");
        rate.setId("stress-rate");
        arrivals.setId("stress-arrivals");
        arrivals.setValue("constant");
        arrivals.setTooltip(new javafx.scene.control.Tooltip("constant: a job every 1/rate; poisson: random gaps with that mean, as independent clients send them"));
        strategy.setId("stress-strategy");
        for (Strategy s : Strategy.values()) strategy.getItems().add(s.cliName());
        strategy.setValue(Strategy.PER_WORKER.cliName());
        seconds.setId("stress-seconds");
        warmup.setId("stress-warmup");
        untilSteady.setId("stress-warmup-steady");
        untilSteady.setSelected(true);
        untilSteady.setTooltip(new javafx.scene.control.Tooltip("End the warm-up once the jobs' service time is steady (3 s in a row"
                + " within 10 %), at most the warm-up above; measuring then lasts the duration"));
        heap.setId("stress-heap");
        heap.setPromptText("e.g. 512m (default: JVM's)");
        gc.setId("stress-gc");
        gc.setValue("default");
        races.setId("stress-races");
        flight.setId("stress-jfr");
        flight.setTooltip(new javafx.scene.control.Tooltip("Record the workload JVM with Java Flight Recorder: GC pauses, lock waits,"
                + " allocation and CPU samples, and an event per job; Export… writes it as .jfr for JDK Mission Control"));
        ToggleGroup modes = new ToggleGroup();
        for (RadioButton r : List.of(single, ramp, compare)) r.setToggleGroup(modes);
        single.setSelected(true);
        single.setId("mode-single");
        ramp.setId("mode-ramp");
        compare.setId("mode-compare");
        rampSteps.setId("stress-ramp");
        objective.setId("stress-slo");
        objective.setPromptText("e.g. p99=20ms (optional)");
        objective.setTooltip(new javafx.scene.control.Tooltip("A latency objective (p50, p90, p95, p99 or p99.9): the chart draws it and"
                + " the result says up to which step it holds"));
        start.setId("stress-start");
        stop.setId("stress-stop");
        export.setId("stress-export");
        reset.setId("stress-defaults");
        reset.setTooltip(new javafx.scene.control.Tooltip("Put every setting back to its default (the form keeps the last used from one window to the next)"));
        reset.setOnAction(e -> defaults());
        reset.disableProperty().bind(locked);
        export.setTooltip(new javafx.scene.control.Tooltip("An HTML or PDF report, the CSV of the intervals, the session JSON files"
                + " (for blendbench compare and report) or the flight recordings"));
        status.setId("stress-status");
        status.setWrapText(true);
        // wrapped to the form's width: a long result must not widen the form's fields; and at most
        // four lines tall, pinned under the buttons, so that it never squeezes the settings out of
        // sight (the whole text is its tooltip, and a session's sentence is over the Live charts too)
        status.setPrefWidth(240);
        status.setMaxWidth(Double.MAX_VALUE);
        status.setMaxHeight(Math.ceil(new javafx.scene.text.Text("A\nB\nC\nD").getLayoutBounds().getHeight()) + 2);
        javafx.scene.control.Tooltip whole = new javafx.scene.control.Tooltip();
        whole.textProperty().bind(status.textProperty());
        whole.setWrapText(true);
        whole.setMaxWidth(480);
        status.setTooltip(whole);
        start.setDefaultButton(true);
        stop.setDisable(true);
        export.setDisable(true);
        rate.disableProperty().bind(loop.valueProperty().isEqualTo("closed loop").or(locked));
        arrivals.disableProperty().bind(loop.valueProperty().isEqualTo("closed loop").or(locked));
        rampSteps.disableProperty().bind(ramp.selectedProperty().not().or(locked));
        objective.disableProperty().bind(ramp.selectedProperty().not().or(locked));
        for (Node n : List.<Node>of(virtual, loop, seconds, warmup, untilSteady, heap, gc, races, flight, single, ramp, compare)) {
            n.disableProperty().bind(locked);
        }
        // a closed-loop ramp's steps are its worker counts
        workers.disableProperty().bind(locked.or(ramp.selectedProperty().and(loop.valueProperty().isEqualTo("closed loop"))));
        // comparing runs the ticked strategies, not this one
        strategy.disableProperty().bind(compare.selectedProperty().or(locked));
        // the default steps follow the load (closed-loop steps are worker counts); typed steps stay
        loop.valueProperty().addListener((o, was, now) -> {
            String text = rampSteps.getText().strip();
            if (text.isEmpty() || text.equals(WORKER_STEPS) || text.equals(RATE_STEPS)) {
                rampSteps.setText("closed loop".equals(now) ? WORKER_STEPS : RATE_STEPS);
            }
        });
        int r = 0;
        Label t = new Label("Stress session on this scene");
        t.getStyleClass().add("panel-title");
        g.add(t, 0, r++, 2, 1);
        r = row(g, r, "Workers", workers);
        g.add(virtual, 1, r++);
        r = row(g, r, "Load", loop);
        r = row(g, r, "Rate (jobs/s)", rate);
        r = row(g, r, "Arrivals", arrivals);
        r = row(g, r, "Strategy", strategy);
        r = row(g, r, "Duration (s)", seconds);
        r = row(g, r, "Warm-up (s)", warmup);
        g.add(untilSteady, 1, r++);
        r = row(g, r, "Heap", heap);
        r = row(g, r, "Collector", gc);
        g.add(races, 1, r++);
        g.add(flight, 1, r++);
        g.add(new Separator(), 0, r++, 2, 1);
        g.add(single, 0, r++, 2, 1);
        g.add(ramp, 0, r++, 2, 1);
        Label stepsLabel = new Label();
        stepsLabel.textProperty().bind(javafx.beans.binding.Bindings.when(loop.valueProperty().isEqualTo("closed loop"))
                .then("Steps (workers)").otherwise("Steps (jobs/s)"));
        // as wide as its wider text whichever it shows, so that the fields do not jump sideways when the load changes
        stepsLabel.setMinWidth(Math.ceil(java.util.stream.Stream.of("Steps (workers)", "Steps (jobs/s)")
                .mapToDouble(text -> new javafx.scene.text.Text(text).getLayoutBounds().getWidth()).max().orElse(0)) + 1);
        g.add(stepsLabel, 0, r);
        g.add(rampSteps, 1, r++);
        r = row(g, r, "Objective", objective);
        g.add(compare, 0, r++, 2, 1);
        // two columns: the form stays short enough that the result below it shows without scrolling
        // across the form's width (indented under the radio button), whatever the fields' column's width
        GridPane strategies = new GridPane();
        strategies.setHgap(12);
        strategies.setVgap(2);
        strategies.setPadding(new Insets(0, 0, 0, 24));
        int k = 0;
        for (Strategy s : Strategy.values()) {
            CheckBox c = new CheckBox(s.cliName());
            c.setId("compare-" + s.cliName());
            c.setSelected(s == Strategy.PER_WORKER || s == Strategy.POOLED || s == Strategy.ALLOC_PER_JOB);
            c.disableProperty().bind(compare.selectedProperty().not().or(locked));
            compareWith.add(c);
            strategies.add(c, k % 2, k / 2);
            k++;
        }
        g.add(strategies, 0, r++, 2, 1);
        ScrollPane sp = new ScrollPane(g);
        sp.setFitToWidth(true);
        sp.setMinWidth(260);
        // the settings scroll; Start, Stop, Export… and the status stay in sight below them, on a short screen too
        VBox actions = new VBox(6, new HBox(6, start, stop), new HBox(6, export, reset), status);
        actions.setPadding(new Insets(6, 8, 8, 8));
        VBox.setVgrow(sp, Priority.ALWAYS);
        return new VBox(sp, actions);
    }

    /** A settings field refused or bounded what was typed: say so where the user looks next. */
    private void complain(String why) {
        status.setText(why);
    }

    private static int row(GridPane g, int r, String label, Node n) {
        g.add(new Label(label), 0, r);
        g.add(n, 1, r);
        return r + 1;
    }

    /**
     * Every setting of the form as text, one key each, as typed: the load, the strategy, the mode,
     * the ramp's steps and objective and the strategies ticked to compare included. {@link #restore}
     * puts them back.
     */
    java.util.Map<String, String> snapshot() {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("workers", workers.getValue().toString());
        m.put("virtual", Boolean.toString(virtual.isSelected()));
        m.put("load", loop.getValue());
        m.put("rate", rate.getValue().toString());
        m.put("arrivals", arrivals.getValue());
        m.put("strategy", strategy.getValue());
        m.put("duration", seconds.getValue().toString());
        m.put("warmup", warmup.getValue().toString());
        m.put("untilSteady", Boolean.toString(untilSteady.isSelected()));
        m.put("heap", heap.getText());
        m.put("gc", gc.getValue());
        m.put("races", Boolean.toString(races.isSelected()));
        m.put("flight", Boolean.toString(flight.isSelected()));
        m.put("mode", ramp.isSelected() ? "ramp" : compare.isSelected() ? "compare" : "single");
        m.put("steps", rampSteps.getText());
        m.put("objective", objective.getText());
        m.put("compare", String.join(",", compareWith.stream().filter(CheckBox::isSelected).map(CheckBox::getText).toList()));
        return m;
    }

    /**
     * Puts back the settings of a {@link #snapshot}. A key that is missing, or whose value the form
     * cannot hold (a strategy or collector this version does not know, a number out of its field's
     * range or not a number), leaves that setting as it is: a memory written by another version, or
     * edited by hand, never stops the window from opening.
     */
    void restore(java.util.Map<String, String> m) {
        restoreNumber(m.get("workers"), workers);
        restoreBox(m.get("virtual"), virtual);
        restoreChoice(m.get("load"), loop); // before the steps: a change of load resets default steps
        restoreNumber(m.get("rate"), rate);
        restoreChoice(m.get("arrivals"), arrivals);
        restoreChoice(m.get("strategy"), strategy);
        restoreNumber(m.get("duration"), seconds);
        restoreNumber(m.get("warmup"), warmup);
        restoreBox(m.get("untilSteady"), untilSteady);
        if (m.get("heap") != null) heap.setText(m.get("heap"));
        restoreChoice(m.get("gc"), gc);
        restoreBox(m.get("races"), races);
        restoreBox(m.get("flight"), flight);
        switch (m.getOrDefault("mode", "")) {
            case "single" -> single.setSelected(true);
            case "ramp" -> ramp.setSelected(true);
            case "compare" -> compare.setSelected(true);
            default -> { }
        }
        if (m.get("steps") != null) rampSteps.setText(m.get("steps"));
        if (m.get("objective") != null) objective.setText(m.get("objective"));
        if (m.get("compare") != null) {
            List<String> names = Arrays.asList(m.get("compare").split(","));
            for (CheckBox c : compareWith) c.setSelected(names.contains(c.getText()));
        }
    }

    /** Puts every setting back to its default, as a new window has it. */
    void defaults() {
        restore(new StressForm().snapshot());
    }

    /** Writes the {@link #snapshot} into {@code memory}, for {@link #recall} to put back in the next window. */
    void remember(Preferences memory) {
        snapshot().forEach((k, v) -> memory.put(k, v.length() <= Preferences.MAX_VALUE_LENGTH ? v : v.substring(0, Preferences.MAX_VALUE_LENGTH)));
    }

    /** Puts back what {@link #remember} wrote into {@code memory}, as {@link #restore} does. */
    void recall(Preferences memory) {
        java.util.Map<String, String> m = new java.util.HashMap<>();
        for (String k : snapshot().keySet()) {
            String v = memory.get(k, null);
            if (v != null) m.put(k, v);
        }
        restore(m);
    }

    private static void restoreBox(String v, CheckBox box) {
        if ("true".equals(v) || "false".equals(v)) box.setSelected(Boolean.parseBoolean(v));
    }

    private static void restoreChoice(String v, ComboBox<String> box) {
        if (v != null && box.getItems().contains(v)) box.setValue(v);
    }

    private static <T extends Number> void restoreNumber(String text, Spinner<T> spinner) {
        Double v = NumberSpinners.parseDecimal(text);
        if (v == null) return;
        if (spinner.getValueFactory() instanceof javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory f) {
            if (v == Math.rint(v) && v >= f.getMin() && v <= f.getMax()) f.setValue(v.intValue());
        } else if (spinner.getValueFactory() instanceof javafx.scene.control.SpinnerValueFactory.DoubleSpinnerValueFactory f) {
            if (v >= f.getMin() && v <= f.getMax()) f.setValue(v);
        }
    }

    /** Settings from the form, checked. @throws IllegalArgumentException naming the bad value */
    StressRun.Settings settings(String strategyName) {
        List<Double> steps = List.of();
        if (ramp.isSelected()) {
            try {
                steps = Arrays.stream(rampSteps.getText().split("[,\\s]+")).filter(s -> !s.isBlank()).map(Double::parseDouble).toList();
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("ramp steps must be numbers separated by commas, got '" + rampSteps.getText() + "'");
            }
            if (steps.size() < 2 || steps.stream().anyMatch(v -> !(v > 0))) {
                throw new IllegalArgumentException("a ramp needs at least two positive steps");
            }
            if (loop.getValue().equals("closed loop")
                    && steps.stream().anyMatch(v -> v != Math.rint(v) || v > 512)) {
                throw new IllegalArgumentException("in closed loop the ramp steps are worker counts: whole numbers up to 512");
            }
        }
        String h = heap.getText().strip();
        if (!h.isEmpty() && !h.toLowerCase(Locale.ROOT).matches("\\d{1,7}[kmg]")) {
            throw new IllegalArgumentException("heap must be a size like 512m or 4g, got '" + h + "'");
        }
        String slo = ramp.isSelected() && !objective.getText().isBlank() ? objective.getText().strip() : null;
        if (slo != null) {
            try {
                dev.blendbench.app.report.Summaries.rampObjectiveText(slo);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("objective: " + e.getMessage());
            }
        }
        if (untilSteady.isSelected() && !(warmup.getValue() > 0)) {
            throw new IllegalArgumentException("warm-up: until steady runs at most the warm-up, so give it one (e.g. 30 s)");
        }
        return new StressRun.Settings(workers.getValue(), virtual.isSelected(), loop.getValue().equals("closed loop"),
                rate.getValue(), arrivals.getValue(), strategyName, seconds.getValue(), warmup.getValue(), h, gc.getValue(), races.isSelected(), steps,
                flight.isSelected(), slo, untilSteady.isSelected());
    }
}
