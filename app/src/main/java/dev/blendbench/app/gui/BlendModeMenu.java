package dev.blendbench.app.gui;

import static dev.blendbench.engine.blend.BlendMode.*;

import dev.blendbench.engine.blend.BlendMode;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.VBox;

/**
 * The blend modes as an image editor's menu lists them: grouped by what they do (darken, lighten,
 * contrast, inversion, component) with a heading above each group, the Porter-Duff operators last.
 * Every {@link BlendMode} is in exactly one group.
 */
final class BlendModeMenu {
    private BlendModeMenu() {}

    record Group(String name, List<BlendMode> modes) {}

    static final List<Group> GROUPS = List.of(
            new Group("Normal", List.of(NORMAL)),
            new Group("Darken", List.of(DARKEN, MULTIPLY, COLOR_BURN, LINEAR_BURN, DARKER_COLOR)),
            new Group("Lighten", List.of(LIGHTEN, SCREEN, COLOR_DODGE, LINEAR_DODGE, LIGHTER_COLOR)),
            new Group("Contrast", List.of(OVERLAY, SOFT_LIGHT, HARD_LIGHT, VIVID_LIGHT, LINEAR_LIGHT, PIN_LIGHT, HARD_MIX)),
            new Group("Inversion", List.of(DIFFERENCE, EXCLUSION, SUBTRACT, DIVIDE)),
            new Group("Component", List.of(HUE, SATURATION, COLOR, LUMINOSITY)),
            new Group("Porter-Duff operators", List.of(SOURCE_OVER, DESTINATION_OVER, SOURCE_IN, DESTINATION_IN, SOURCE_OUT,
                    DESTINATION_OUT, SOURCE_ATOP, DESTINATION_ATOP, XOR, LIGHTER, COPY, CLEAR, DESTINATION)));

    /** Each group's first mode, mapped to the group's heading. */
    private static final Map<BlendMode, String> HEADINGS = GROUPS.stream()
            .collect(Collectors.toMap(g -> g.modes().get(0), Group::name));

    /** The modes in menu order. */
    static List<BlendMode> ordered() {
        return GROUPS.stream().flatMap(g -> g.modes().stream()).toList();
    }

    /** The heading shown above {@code m} in the list, or null inside a group. */
    static String headingAbove(BlendMode m) {
        return HEADINGS.get(m);
    }

    /** Fills {@code box} with the modes in menu order, headings in the list and the plain name on the button. */
    static void install(ComboBox<BlendMode> box) {
        box.getItems().setAll(ordered());
        box.setCellFactory(list -> cell(BlendModeMenu::headingAbove));
        box.setButtonCell(cell(m -> null));
    }

    private static ListCell<BlendMode> cell(Function<BlendMode, String> heading) {
        return new ListCell<>() {
            @Override
            protected void updateItem(BlendMode m, boolean empty) {
                super.updateItem(m, empty);
                String h = empty || m == null ? null : heading.apply(m);
                if (h == null) {
                    setGraphic(null);
                    setText(empty || m == null ? null : m.cssName());
                    return;
                }
                Label head = new Label(h.toUpperCase(java.util.Locale.ROOT));
                head.getStyleClass().add("blend-mode-heading");
                head.setStyle("-fx-font-size: 0.8em; -fx-font-weight: bold; -fx-text-fill: #6b7280;");
                Label name = new Label(m.cssName());
                name.textFillProperty().bind(textFillProperty()); // white when selected, like a plain cell
                VBox v = new VBox(2, head, name);
                setText(null);
                setGraphic(v);
            }
        };
    }
}
