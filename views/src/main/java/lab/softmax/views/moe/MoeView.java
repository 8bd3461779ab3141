package lab.softmax.views.moe;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.layout.BorderPane;
import lab.softmax.views.common.LabTabs;
import org.jfree.chart.JFreeChart;

/**
 * The MoE gating lab: three tabs. "Plane" shows where each set of K experts wins in a 2-D input plane and lets the
 * gates, K, the router and the temperature be changed; "Routers" routes a batch through every router with a capacity
 * limit; "Convergence" runs the convergence experiment of a top-K gated Gaussian MoE and plots its rates.
 */
public final class MoeView extends BorderPane {
    /** Tab ids, in order (for {@code snapshot --tab}). */
    public static final List<String> TABS = List.of("plane", "routers", "convergence");

    private final MoeViewModel model;
    private final PlanePanel planePanel;
    private final RoutersPanel routersPanel;
    private final ConvergencePanel convergencePanel;
    private final LabTabs tabs = new LabTabs(TABS);

    public MoeView(MoeViewModel model) {
        this.model = model;
        this.planePanel = new PlanePanel(model);
        this.routersPanel = new RoutersPanel(model.routers(), model);
        this.convergencePanel = new ConvergencePanel(model.convergence());
        createView();
        initListeners();
    }

    private void createView() {
        getStyleClass().add("lab-page");
        tabs.add("Plane: top-K regions", planePanel);
        tabs.add("Routers and load", routersPanel);
        tabs.add("Convergence: rates", convergencePanel);
        setCenter(tabs);
    }

    private void initListeners() {
        // the Routers tab computes only while shown, and redraws its charts when shown (a hidden chart is laid out at
        // size 0 otherwise)
        model.routers().shownProperty().set(tabs.getSelectionModel().getSelectedIndex() == 1);
        tabs.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            model.routers().shownProperty().set(b.intValue() == 1);
            if (b.intValue() == 1) routersPanel.redraw();
        });
    }

    /** The id of the tab in front. */
    String currentTab() { return tabs.currentId(); }

    void showTab(String id) { tabs.show(id); }

    /** The charts of the tab in front, top to bottom. */
    List<JFreeChart> charts() {
        return switch (currentTab()) {
            case "routers" -> routersPanel.charts();
            case "convergence" -> convergencePanel.charts();
            default -> new ArrayList<>(List.of(planePanel.profileChart()));
        };
    }

    PlanePanel planePanel() { return planePanel; }

    RoutersPanel routersPanel() { return routersPanel; }

    ConvergencePanel convergencePanel() { return convergencePanel; }

    MoeViewModel model() { return model; }
}
