package dev.blendbench.app.gui;

import dev.blendbench.engine.surface.Rect;
import java.util.List;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.paint.ImagePattern;
import javafx.scene.shape.Rectangle;

/**
 * The canvas: the engine's pixels in an {@link ImageView} over a checkerboard (transparency),
 * zoom (Ctrl+wheel, fit, 100 %), pan (scroll bars, wheel, or drag with the right or middle
 * button), click to select the topmost layer under the pointer, drag to move it (one undo step
 * per drag). The selected layer's outline (rotated with it) and a race finding's rectangle are drawn over it;
 * the outline has handles: drag a corner to scale the layer about the opposite corner, the knob above
 * its top edge to turn it about its centre (Shift: in 15° steps), one undo step each
 * ({@link TransformHandles}); Esc during a drag puts the layer back. A moved layer snaps to the
 * canvas's and the other layers' edges and centres, with a guide drawn where it did; Shift keeps
 * the move to one axis, Alt (or {@link #snapProperty()} off) moves it freely ({@link MoveSnap}).
 */
public final class CanvasPane {
    private final DocumentModel model;
    private final ImageView view = new ImageView();
    /** Zoomed in (200 % and more), the pixels as squares: the visible part drawn here, unsmoothed. */
    private final javafx.scene.canvas.Canvas pixels = new javafx.scene.canvas.Canvas();
    private final Rectangle checker = new Rectangle();
    /** The selected layer's outline: its source's edges where they land, rotated with it. */
    private final javafx.scene.shape.Polygon selection = new javafx.scene.shape.Polygon();
    private final Rectangle finding = new Rectangle();
    /** The outline's handles: its four corners (scale), then the rotation knob and its stem. */
    private final Rectangle[] corners = new Rectangle[4];
    private final javafx.scene.shape.Circle knob = new javafx.scene.shape.Circle(HANDLE / 2 + 1);
    private final javafx.scene.shape.Line stem = new javafx.scene.shape.Line();
    /** Where a moved layer snapped: a vertical and a horizontal line across the canvas. */
    private final javafx.scene.shape.Line guideX = guide("canvas-guide-x"), guideY = guide("canvas-guide-y");
    private final javafx.beans.property.BooleanProperty snap = new javafx.beans.property.SimpleBooleanProperty(true);
    /** The other rows selected with the selected layer: outlined more faintly, moved with it. */
    private final javafx.scene.Group others = new javafx.scene.Group();
    private java.util.function.Supplier<List<Long>> selectedRows;
    private final Pane content = new Pane();
    private final ScrollPane scroll;
    private final DoubleProperty zoom = new SimpleDoubleProperty(1);
    private final ReadOnlyStringWrapper pointer = new ReadOnlyStringWrapper("");
    /** A {@link #zoomAt} waiting for the scroll pane to size its content, or null. */
    private javafx.beans.value.ChangeListener<javafx.geometry.Bounds> pendingKeep;
    private Rect findingRect;
    // gesture state
    private double pressX, pressY, panH, panV;
    private Doc dragBefore;
    private long dragId = -1;
    /** The layers the drag moves: the one picked, or the rows selected with it. */
    private List<Long> dragIds = List.of();
    private double[] dragBox;
    private MoveSnap.Lines snapLines;
    /** The handle being dragged (0–3 a corner, {@link #KNOB}), or −1. */
    private int handle = -1;
    private LayerItem handleItem;
    private Doc.Place handleAt;
    private double handleX0, handleY0;
    /** A handle's side on screen, how far above the top edge the knob is, and how near a line a moved edge snaps to it (screen pixels). */
    private static final double HANDLE = 8, KNOB_DISTANCE = 24, SNAP_REACH = 6;
    private static final int KNOB = 4;

    public CanvasPane(DocumentModel model) {
        this.model = model;
        selectedRows = () -> List.of(model.selectedIdProperty().get());
        view.setId("canvas");
        view.setPreserveRatio(false);
        checker.setFill(checkerboard());
        selection.setFill(Color.TRANSPARENT);
        selection.setStroke(Color.web("#3b82f6"));
        selection.getStrokeDashArray().setAll(6.0, 4.0);
        selection.setStrokeWidth(1.5);
        selection.setMouseTransparent(true);
        finding.setFill(Color.web("#ef4444", 0.18));
        finding.setStroke(Color.web("#dc2626"));
        finding.setStrokeWidth(2);
        finding.setMouseTransparent(true);
        finding.setVisible(false);
        for (int k = 0; k < 4; k++) {
            corners[k] = new Rectangle(HANDLE, HANDLE);
            handleNode(corners[k], k, "canvas-handle-" + k);
        }
        handleNode(knob, KNOB, "canvas-handle-rotate");
        knob.setCursor(Cursor.HAND);
        stem.setStroke(Color.web("#3b82f6"));
        stem.setStrokeWidth(1.5);
        stem.setMouseTransparent(true);
        pixels.setId("canvas-pixels");
        pixels.setMouseTransparent(true);
        pixels.setVisible(false);
        pixels.getGraphicsContext2D().setImageSmoothing(false); // the point of it: pixels as squares
        content.getChildren().setAll(checker, view, pixels, others, selection, guideX, guideY, stem, corners[0], corners[1], corners[2], corners[3], knob, finding);
        content.setId("canvas-content");
        StackPane centred = new StackPane(content);
        centred.setStyle("-fx-background-color: #3a3d41;");
        // no smaller than the canvas: the scroll pane fits it to the viewport only when the canvas is
        // smaller (then it is centred), and scrolls it when larger (a minimum of 0 here left no
        // scroll bars, so the edges of a zoomed-in canvas could not be reached)
        scroll = new ScrollPane(centred);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setId("canvas-scroll");
        scroll.setFocusTraversable(true);
        zoom.addListener((o, a, b) -> layout());
        // scrolled, resized or re-centred: the part of the canvas in view has changed
        content.localToSceneTransformProperty().addListener((o, a, b) -> paintPixels());
        scroll.viewportBoundsProperty().addListener((o, a, b) -> paintPixels());
        model.changeProperty().addListener((o, a, b) -> layout());
        model.selectedIdProperty().addListener((o, a, b) -> layout());
        content.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        content.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        content.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        content.addEventHandler(MouseEvent.MOUSE_MOVED, e -> point(e.getX(), e.getY()));
        content.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> point(e.getX(), e.getY()));
        content.addEventHandler(MouseEvent.MOUSE_EXITED, e -> pointer.set(""));
        scroll.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE && cancelGesture()) e.consume();
        });
        scroll.addEventFilter(ScrollEvent.SCROLL, e -> {
            if (e.isControlDown() || e.isShortcutDown()) {
                if (e.getDeltaY() != 0) zoomAt(e.getDeltaY() > 0 ? 1.25 : 0.8, e.getSceneX(), e.getSceneY());
                e.consume();
            }
        });
    }

    /**
     * A handle: white with the outline's blue edge, numbered in its user data. Pickable, so that
     * it can be grabbed where it lies past the canvas's edge (the press reaches {@link #pressed}
     * through the canvas content it belongs to).
     */
    private static void handleNode(javafx.scene.shape.Shape n, int which, String id) {
        n.setFill(Color.WHITE);
        n.setStroke(Color.web("#3b82f6"));
        n.setStrokeWidth(1.5);
        n.setUserData(which);
        n.setId(id);
        n.setVisible(false);
    }

    private static javafx.scene.shape.Line guide(String id) {
        var l = new javafx.scene.shape.Line();
        l.setStroke(Color.web("#e11d9a"));
        l.setStrokeWidth(1);
        l.setMouseTransparent(true);
        l.setVisible(false);
        l.setId(id);
        return l;
    }

    public Node node() { return scroll; }

    /**
     * Where the rows selected with the selected layer come from (the layers panel's), and what
     * says they changed: a drag or nudge of one of them moves them all, and they are outlined.
     */
    public void selectionFrom(java.util.function.Supplier<List<Long>> rows, javafx.beans.Observable changed) {
        selectedRows = rows;
        changed.addListener(o -> layout());
        layout();
    }

    /** Whether a layer moved on the canvas snaps to edges and centres (View ▸ Snap); on by default. */
    public javafx.beans.property.BooleanProperty snapProperty() { return snap; }

    public ImageView imageView() { return view; }

    public DoubleProperty zoomProperty() { return zoom; }

    /**
     * The canvas pixel under the pointer and its colour as shown, straight (not premultiplied)
     * 8-bit channels: {@code "812, 405   R 201  G 87  B 33  A 255"}; empty when the pointer is off
     * the canvas.
     */
    public ReadOnlyStringProperty pointerProperty() { return pointer.getReadOnlyProperty(); }

    /** Updates {@link #pointerProperty()} for the pointer at (x, y) in the zoomed content. */
    void point(double x, double y) {
        Image img = view.getImage();
        double z = zoom.get();
        int px = (int) Math.floor(x / z), py = (int) Math.floor(y / z);
        if (img == null || px < 0 || py < 0 || px >= img.getWidth() || py >= img.getHeight()) {
            pointer.set("");
            return;
        }
        pointer.set(describePixel(px, py, img.getPixelReader().getArgb(px, py)));
    }

    /** {@code "x, y   R r  G g  B b  A a"} for a straight (non-premultiplied) ARGB pixel. */
    static String describePixel(int x, int y, int argb) {
        return String.format(java.util.Locale.ROOT, "%d, %d   R %d  G %d  B %d  A %d", x, y,
                argb >> 16 & 0xFF, argb >> 8 & 0xFF, argb & 0xFF, argb >>> 24);
    }

    /** The image's pixels changed (a frame was rendered into it). FX thread. */
    public void refresh() {
        paintPixels();
    }

    /**
     * From 200 % up, pixels show as squares, as image editors show them. ImageView's own
     * {@code smooth = false} is not honoured by every JavaFX pipeline (the software one, used
     * without a GPU, filters anyway), so the part of the canvas in view is drawn onto a
     * viewport-sized Canvas with image smoothing off, and the ImageView is hidden.
     */
    private void paintPixels() {
        Image img = view.getImage();
        double z = zoom.get();
        boolean crisp = img != null && z >= 2;
        view.setVisible(!crisp);
        pixels.setVisible(crisp);
        if (!crisp) return;
        javafx.geometry.Bounds vb = scroll.getViewportBounds();
        javafx.geometry.Bounds port = scroll.localToScene(new javafx.geometry.BoundingBox(
                scroll.snappedLeftInset(), scroll.snappedTopInset(), vb.getWidth(), vb.getHeight()));
        javafx.geometry.Bounds in = port == null ? null : content.sceneToLocal(port);
        int x0 = 0, y0 = 0, x1 = 0, y1 = 0; // nothing in view (not shown yet): an empty canvas, painted once it is
        if (in != null) {
            double iw = img.getWidth(), ih = img.getHeight();
            x0 = (int) Math.clamp(Math.floor(in.getMinX() / z), 0, iw);
            y0 = (int) Math.clamp(Math.floor(in.getMinY() / z), 0, ih);
            x1 = (int) Math.clamp(Math.ceil(in.getMaxX() / z), x0, iw);
            y1 = (int) Math.clamp(Math.ceil(in.getMaxY() / z), y0, ih);
        }
        pixels.relocate(x0 * z, y0 * z);
        pixels.setWidth((x1 - x0) * z);
        pixels.setHeight((y1 - y0) * z);
        var g = pixels.getGraphicsContext2D();
        g.clearRect(0, 0, pixels.getWidth(), pixels.getHeight());
        if (x1 > x0 && y1 > y0) g.drawImage(img, x0, y0, x1 - x0, y1 - y0, 0, 0, pixels.getWidth(), pixels.getHeight());
    }

    /** Shows a new image (the renderer made one: first frame or a new canvas size). */
    public void setImage(WritableImage img) {
        view.setImage(img);
        layout();
    }

    public void setZoom(double z) {
        dropPendingKeep(); // a zoom at the pointer still settling is overtaken
        zoom.set(Math.clamp(z, 0.05, 32));
    }

    /**
     * Zooms by {@code factor} keeping the canvas point under scene point (x, y) — the pointer —
     * where it is, as image editors do (it used to keep the scroll fractions, so the picture slid
     * away from under the pointer).
     */
    public void zoomAt(double factor, double sceneX, double sceneY) {
        double z0 = zoom.get();
        javafx.geometry.Point2D at = content.sceneToLocal(sceneX, sceneY);
        double cx = at.getX() / z0, cy = at.getY() / z0; // the canvas point under the pointer
        javafx.geometry.Point2D inScroll = scroll.sceneToLocal(sceneX, sceneY);
        double px = inScroll.getX() - scroll.snappedLeftInset(), py = inScroll.getY() - scroll.snappedTopInset();
        zoomKeeping(z0 * factor, cx, cy, px, py);
    }

    /**
     * Zooms to {@code to} (as far as the zoom's limits allow) with canvas point (cx, cy) at
     * viewport point (px, py) (NaN: the view's middle), as far as the canvas allows.
     */
    private void zoomKeeping(double to, double cx, double cy, double px, double py) {
        double z0 = zoom.get();
        setZoom(to);
        if (zoom.get() == z0) {
            keep(cx, cy, px, py);
            return;
        }
        // the scroll pane sizes its content in the next layout pass (width and height may come in
        // separate passes): scroll each time until both have their new size
        Node holder = scroll.getContent();
        pendingKeep = new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends javafx.geometry.Bounds> o, javafx.geometry.Bounds was,
                    javafx.geometry.Bounds now) {
                keep(cx, cy, px, py);
                double z = zoom.get();
                if (Math.abs(now.getWidth() - Math.max(scroll.getViewportBounds().getWidth(), model.doc().width() * z)) < 0.5
                        && Math.abs(now.getHeight() - Math.max(scroll.getViewportBounds().getHeight(), model.doc().height() * z)) < 0.5) {
                    dropPendingKeep();
                }
            }
        };
        holder.layoutBoundsProperty().addListener(pendingKeep);
    }

    /** Zooms by {@code factor} about the middle of the view (the menu's and the keyboard's zoom). */
    public void zoomAtCentre(double factor) {
        javafx.geometry.Bounds v = scroll.getViewportBounds();
        javafx.geometry.Point2D mid = scroll.localToScene(scroll.snappedLeftInset() + v.getWidth() / 2, scroll.snappedTopInset() + v.getHeight() / 2);
        if (mid == null) setZoom(zoom.get() * factor);
        else zoomAt(factor, mid.getX(), mid.getY());
    }

    private void dropPendingKeep() {
        if (pendingKeep != null) scroll.getContent().layoutBoundsProperty().removeListener(pendingKeep);
        pendingKeep = null;
    }

    /** Scrolls so that canvas point (cx, cy) is at (px, py) of the viewport (NaN: its middle), as far as the canvas allows. */
    private void keep(double cx, double cy, double px, double py) {
        double z = zoom.get();
        double vw = scroll.getViewportBounds().getWidth(), vh = scroll.getViewportBounds().getHeight();
        if (Double.isNaN(px)) px = vw / 2; // the middle of the view as it is now (zooming in may have added scroll bars)
        if (Double.isNaN(py)) py = vh / 2;
        javafx.geometry.Bounds all = scroll.getContent().getLayoutBounds();
        if (all.getWidth() > vw) scroll.setHvalue(Math.clamp((cx * z - px) / (all.getWidth() - vw), 0, 1));
        if (all.getHeight() > vh) scroll.setVvalue(Math.clamp((cy * z - py) / (all.getHeight() - vh), 0, 1));
    }

    /** Zoom so the whole canvas fits the viewport. */
    public void fit() {
        Doc d = model.doc();
        double w = Math.max(50, scroll.getViewportBounds().getWidth() - 16), h = Math.max(50, scroll.getViewportBounds().getHeight() - 16);
        setZoom(Math.min(w / d.width(), h / d.height()));
    }

    /**
     * Zooms so the selected layer (where its edges land; the group drawn for a layer in a scaled
     * or rotated group) fills the view with a margin, centred (View ▸ Zoom to Layer). Nothing
     * without a selected layer.
     */
    public void zoomToLayer() {
        var sel = model.selectedLayer();
        if (sel.isEmpty()) return;
        Doc d = model.doc();
        double[] b = MoveSnap.box(d, transformed(d, sel.get()).id());
        double x0 = b[0], y0 = b[1], x1 = b[2], y1 = b[3];
        javafx.geometry.Bounds v = scroll.getViewportBounds();
        double w = Math.max(50, v.getWidth() - 48), h = Math.max(50, v.getHeight() - 48);
        zoomKeeping(Math.min(w / Math.max(1, x1 - x0), h / Math.max(1, y1 - y0)), (x0 + x1) / 2, (y0 + y1) / 2, Double.NaN, Double.NaN);
    }

    /** Highlights a canvas rectangle (a race finding), or clears it with null. */
    public void showFinding(Rect r) {
        findingRect = r;
        layout();
    }

    /** Scrolls so that canvas rectangle {@code r} is centred in the view, as far as the canvas allows. */
    public void reveal(Rect r) {
        javafx.geometry.Bounds v = scroll.getViewportBounds();
        keep(r.x() + r.width() / 2.0, r.y() + r.height() / 2.0, v.getWidth() / 2, v.getHeight() / 2);
    }

    private void layout() {
        Doc d = model.doc();
        double z = zoom.get();
        double w = d.width() * z, h = d.height() * z;
        content.setMinSize(w, h);
        content.setPrefSize(w, h);
        content.setMaxSize(w, h);
        checker.setWidth(w);
        checker.setHeight(h);
        view.setFitWidth(w);
        view.setFitHeight(h);
        view.setSmooth(z < 2); // past 200 % show pixels as squares
        paintPixels();
        var sel = model.selectedLayer();
        selection.setVisible(sel.isPresent());
        boolean handles = false;
        if (sel.isPresent()) {
            LayerItem shown = transformed(d, sel.get());
            double[] c = zoomedOutline(d, shown, z);
            selection.getPoints().setAll(java.util.Arrays.stream(c).boxed().toList());
            handles = transformable(d, shown);
            if (handles) placeHandles(c);
        }
        others.getChildren().clear();
        for (long id : selectedRows.get()) {
            if (id == model.selectedIdProperty().get()) continue;
            d.find(id).ifPresent(l -> {
                var p = new javafx.scene.shape.Polygon(zoomedOutline(d, transformed(d, l), z));
                p.setFill(Color.TRANSPARENT);
                p.setStroke(Color.web("#3b82f6", 0.6));
                p.getStrokeDashArray().setAll(3.0, 3.0);
                p.setMouseTransparent(true);
                others.getChildren().add(p);
            });
        }
        for (Rectangle r : corners) r.setVisible(handles);
        knob.setVisible(handles);
        stem.setVisible(handles);
        finding.setVisible(findingRect != null);
        if (findingRect != null) place(finding, findingRect, z);
    }

    /** {@link #outline} of {@code l} where it lies on the document's canvas (inside its groups), at zoom {@code z}. */
    private static double[] zoomedOutline(Doc d, LayerItem l, double z) {
        double[] c = outline(l.layer());
        Doc.Place at = d.locate(l.id()).orElseThrow();
        for (int k = 0; k < c.length; k++) c[k] = (c[k] + (k % 2 == 0 ? at.dx() : at.dy())) * z;
        return c;
    }

    /** What the selection's outline and handles stand for: a layer in a scaled or rotated group is the group, drawn as its pixels. */
    private static LayerItem transformed(Doc d, LayerItem selected) {
        return d.transformedGroupAround(selected.id()).orElse(selected);
    }

    /** True when {@code l} may be scaled and turned on the canvas: shown and unlocked, as are the groups around it. */
    static boolean transformable(Doc d, LayerItem l) {
        return l.visible() && !l.locked() && open(d, l.id());
    }

    /** Puts the handles on outline {@code c} (zoomed canvas coordinates), each corner's cursor along its diagonal. */
    private void placeHandles(double[] c) {
        double mx = (c[0] + c[4]) / 2, my = (c[1] + c[5]) / 2;
        for (int k = 0; k < 4; k++) {
            double x = c[2 * k], y = c[2 * k + 1];
            corners[k].setX(x - HANDLE / 2);
            corners[k].setY(y - HANDLE / 2);
            corners[k].setCursor((x - mx) * (y - my) >= 0 ? Cursor.SE_RESIZE : Cursor.NE_RESIZE);
        }
        double[] kn = TransformHandles.knob(c, KNOB_DISTANCE);
        knob.setCenterX(kn[0]);
        knob.setCenterY(kn[1]);
        stem.setStartX(kn[2]);
        stem.setStartY(kn[3]);
        stem.setEndX(kn[0]);
        stem.setEndY(kn[1]);
    }

    private static void place(Rectangle r, Rect b, double z) {
        r.setX(b.x() * z);
        r.setY(b.y() * z);
        r.setWidth(b.width() * z);
        r.setHeight(b.height() * z);
    }

    /**
     * The canvas corners of a layer's source, clockwise from its top-left ({@code x0, y0, … x3, y3}):
     * where its edges land once scaled and rotated (not the filter's reach, which the render's
     * bounds add).
     */
    static double[] outline(dev.blendbench.engine.scene.Layer layer) {
        double w = layer.source().width(), h = layer.source().height();
        double[] c = {0, 0, w, 0, w, h, 0, h};
        var t = layer.isTransformed() ? layer.placement().transform() : dev.blendbench.engine.resample.Transform.IDENTITY;
        for (int k = 0; k < 8; k += 2) {
            double u = c[k], v = c[k + 1];
            c[k] = t.m00() * u + t.m01() * v + t.m02() + layer.x();
            c[k + 1] = t.m10() * u + t.m11() * v + t.m12() + layer.y();
        }
        return c;
    }

    /**
     * The topmost visible, unlocked layer with a pixel at canvas point (x, y), or −1. A scaled or
     * rotated layer is hit where the point maps back onto one of its source pixels that is not
     * fully transparent (not anywhere in its bounding box).
     */
    static int pick(Doc d, double x, double y) {
        return pick(d.layers(), x, y);
    }

    /**
     * What a click at canvas point (x, y) selects: while a layer inside a group is selected, the
     * topmost of that group's layers hit there (so its layers can be picked and dragged on the
     * canvas, while the group and those around it are shown, unlocked and untransformed); else, or where none is hit, the document's
     * topmost layer hit ({@link #pick(Doc, double, double)}). Its id, or −1.
     */
    static long pick(Doc d, long selected, double x, double y) {
        var at = d.locate(selected);
        if (at.isPresent() && at.get().parent() >= 0 && d.transformedGroupAround(selected).isEmpty() && open(d, at.get().parent())) {
            List<LayerItem> siblings = d.siblings(at.get().parent());
            int i = pick(siblings, x - at.get().dx(), y - at.get().dy());
            if (i >= 0) return siblings.get(i).id();
        }
        int i = pick(d, x, y);
        return i < 0 ? -1 : d.layers().get(i).id();
    }

    /**
     * What Ctrl+click at canvas point (x, y) selects: the topmost layer hit there at any depth —
     * into each group hit that is untransformed, to its topmost layer hit (the group itself where
     * none of its layers is, at that point, picked alone). Its id, or −1.
     */
    static long pickDeepest(Doc d, double x, double y) {
        List<LayerItem> ls = d.layers();
        long found = -1;
        for (int i = pick(ls, x, y); i >= 0; ) {
            LayerItem hit = ls.get(i);
            found = hit.id();
            if (!hit.isGroup() || hit.layer().isTransformed()) break;
            x -= hit.layer().x();
            y -= hit.layer().y();
            ls = hit.children();
            i = pick(ls, x, y);
        }
        return found;
    }

    /** True when group {@code id} and the groups around it are visible and unlocked (a locked group locks its layers). */
    private static boolean open(Doc d, long id) {
        return d.withGroupsAround(id).stream().allMatch(g -> g.visible() && !g.locked());
    }

    /**
     * The topmost of {@code ls} (placed on a canvas where (x, y) is) hit at (x, y): shown, unlocked,
     * with a pixel there that is not transparent and that its mask, if on, does not hide; or −1.
     */
    private static int pick(List<LayerItem> ls, double x, double y) {
        for (int i = ls.size() - 1; i >= 0; i--) {
            LayerItem l = ls.get(i);
            if (!l.visible() || l.locked()) continue;
            Rect b = l.layer().bounds();
            if (x < b.x() || y < b.y() || x >= b.right() || y >= b.bottom()) continue;
            double u = x - l.layer().x(), v = y - l.layer().y();
            if (l.layer().isTransformed()) {
                var inv = l.layer().placement().transform().inverse();
                double iu = inv.m00() * u + inv.m01() * v + inv.m02();
                v = inv.m10() * u + inv.m11() * v + inv.m12();
                u = iu;
            }
            int sx = (int) Math.floor(u), sy = (int) Math.floor(v);
            if (sx < 0 || sy < 0 || sx >= l.source().width() || sy >= l.source().height()) continue;
            if (l.source().getPixel(sx, sy) >>> 24 == 0) continue;
            // a mask that is on applies on the canvas, from the layer's position: where it hides the layer, the click passes
            if (l.layer().isMasked() && l.mask().value((int) Math.floor(x) - l.layer().x(), (int) Math.floor(y) - l.layer().y()) == 0) continue;
            return i;
        }
        return -1;
    }

    private void pressed(MouseEvent e) {
        scroll.requestFocus();
        pressX = e.getScreenX();
        pressY = e.getScreenY();
        if (e.getButton() != MouseButton.PRIMARY) {
            panH = scroll.getHvalue();
            panV = scroll.getVvalue();
            content.setCursor(Cursor.CLOSED_HAND);
            return;
        }
        double z = zoom.get();
        if (e.getTarget() instanceof Node n && n.getUserData() instanceof Integer which && model.selectedLayer().isPresent()) {
            Doc d = model.doc();
            handleItem = transformed(d, model.selectedLayer().get());
            handleAt = d.locate(handleItem.id()).orElseThrow();
            handle = which;
            dragBefore = d;
            handleX0 = e.getX() / z - handleAt.dx();
            handleY0 = e.getY() / z - handleAt.dy();
            return;
        }
        long id = e.isShortcutDown() ? pickDeepest(model.doc(), e.getX() / z, e.getY() / z)
                : pick(model.doc(), model.selectedIdProperty().get(), e.getX() / z, e.getY() / z);
        model.select(id);
        if (id >= 0) {
            dragId = id;
            dragBefore = model.doc();
            dragBox = MoveSnap.box(dragBefore, id);
            dragIds = MoveSnap.together(dragBefore, id, selectedRows.get());
            snapLines = MoveSnap.linesFor(dragBefore, dragIds);
            content.setCursor(Cursor.MOVE);
        }
    }

    private void dragged(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY) {
            double w = content.getWidth() - scroll.getViewportBounds().getWidth();
            double h = content.getHeight() - scroll.getViewportBounds().getHeight();
            if (w > 0) scroll.setHvalue(panH - (e.getScreenX() - pressX) / w);
            if (h > 0) scroll.setVvalue(panV - (e.getScreenY() - pressY) / h);
            return;
        }
        double z = zoom.get();
        if (handle >= 0 && dragBefore != null) {
            double px = e.getX() / z - handleAt.dx(), py = e.getY() / z - handleAt.dy();
            try {
                LayerItem to = handle == KNOB
                        ? TransformHandles.rotatedAbout(handleItem, handleItem.rotation(), handleX0, handleY0, px, py, e.isShiftDown())
                        : TransformHandles.scaledByCorner(handleItem, handle, px, py);
                model.preview(dragBefore.withItem(handleItem.id(), l -> to));
            } catch (IllegalArgumentException tooLarge) {
                // past what the engine can place (a scale whose result exceeds its limits): the last frame stays
            }
            return;
        }
        if (dragId < 0 || dragBefore == null) return;
        MoveSnap.Move m = MoveSnap.move(dragBox, (e.getScreenX() - pressX) / z, (e.getScreenY() - pressY) / z, snapLines,
                SNAP_REACH / z, snap.get() && !e.isAltDown(), e.isShiftDown());
        model.preview(MoveSnap.moved(dragBefore, dragIds, m.dx(), m.dy()));
        showGuides(m.guideX(), m.guideY());
    }

    /** Draws the lines a move snapped to (NaN: none on that axis) across the canvas. */
    private void showGuides(double x, double y) {
        double z = zoom.get(), w = model.doc().width() * z, h = model.doc().height() * z;
        guideX.setVisible(!Double.isNaN(x));
        guideY.setVisible(!Double.isNaN(y));
        if (!Double.isNaN(x)) {
            guideX.setStartX(x * z);
            guideX.setEndX(x * z);
            guideX.setStartY(0);
            guideX.setEndY(h);
        }
        if (!Double.isNaN(y)) {
            guideY.setStartY(y * z);
            guideY.setEndY(y * z);
            guideY.setStartX(0);
            guideY.setEndX(w);
        }
    }

    private void released(MouseEvent e) {
        content.setCursor(Cursor.DEFAULT);
        showGuides(Double.NaN, Double.NaN);
        if (handle >= 0 && dragBefore != null) {
            model.commit((handle == KNOB ? "Rotate " : "Scale ") + handleItem.name(), dragBefore);
            handle = -1;
            handleItem = null;
            dragBefore = null;
            return;
        }
        if (dragId >= 0 && dragBefore != null) {
            model.commit(dragIds.size() == 1 ? "Move " + dragBefore.find(dragIds.getFirst()).orElseThrow().name()
                    : "Move " + dragIds.size() + " layers", dragBefore);
        }
        dragId = -1;
        dragBefore = null;
    }

    /**
     * Esc while dragging a layer or a handle: the layer goes back to where it was when the drag
     * began, and the rest of the drag does nothing (no undo step). False when no drag is on.
     */
    private boolean cancelGesture() {
        if (dragBefore == null) return false;
        model.preview(dragBefore);
        dragBefore = null;
        dragId = -1;
        handle = -1;
        handleItem = null;
        content.setCursor(Cursor.DEFAULT);
        showGuides(Double.NaN, Double.NaN);
        return true;
    }

    private static ImagePattern checkerboard() {
        WritableImage img = new WritableImage(16, 16);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                img.getPixelWriter().setColor(x, y, ((x / 8 + y / 8) & 1) == 0 ? Color.web("#cfcfcf") : Color.web("#f5f5f5"));
            }
        }
        Image i = img;
        return new ImagePattern(i, 0, 0, 16, 16, false);
    }
}
