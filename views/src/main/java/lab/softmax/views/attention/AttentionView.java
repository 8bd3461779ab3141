package lab.softmax.views.attention;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Alert;
import javafx.scene.layout.BorderPane;
import lab.softmax.views.common.LabTabs;
import org.jfree.chart.JFreeChart;

/**
 * The Attention lab: three tabs. "Map" shows one head's attention map under the temperature, SSA,
 * mask, normaliser and precision controls; "Dilution" trains vanilla against SSA on the needle task
 * and plots what happens as n grows; "Value denoising" runs the value-temperature demo.
 */
public final class AttentionView extends BorderPane {
    /** Tab ids, in order (for {@code snapshot --tab}). */
    public static final List<String> TABS = List.of("map", "dilution", "denoising");

    private final AttentionViewModel model;
    private final MapPanel mapPanel;
    private final DilutionPanel dilutionPanel;
    private final DenoisingPanel denoisingPanel;
    private final LabTabs tabs = new LabTabs(TABS);

    public AttentionView(AttentionViewModel model) {
        this.model = model;
        this.mapPanel = new MapPanel(model);
        this.dilutionPanel = new DilutionPanel(model.dilution());
        this.denoisingPanel = new DenoisingPanel(model.denoising());
        createView();
        initListeners();
    }

    private void createView() {
        getStyleClass().add("lab-page");
        tabs.add("Map", mapPanel);
        tabs.add("Dilution: vanilla vs SSA", dilutionPanel);
        tabs.add("Value denoising", denoisingPanel);
        setCenter(tabs);
    }

    private void initListeners() {
        // A Q/K/V file that cannot be read: a dialog names the file, the field and the value; nothing changes.
        model.fileProblemProperty().addListener((o, a, problem) -> {
            if (problem == null || problem.isEmpty()) return;
            Alert alert = new Alert(Alert.AlertType.WARNING);
            if (getScene() != null && getScene().getWindow() != null) alert.initOwner(getScene().getWindow());
            alert.setTitle("Softmax Lab");
            alert.setHeaderText("This Q/K/V file cannot be loaded; nothing was changed.");
            alert.setContentText(problem);
            alert.show();
        });
    }

    /** The id of the tab in front. */
    String currentTab() { return tabs.currentId(); }

    void showTab(String id) { tabs.show(id); }

    /** The charts of the tab in front, top to bottom. */
    List<JFreeChart> charts() {
        return switch (currentTab()) {
            case "dilution" -> dilutionPanel.charts();
            case "denoising" -> List.of(denoisingPanel.chart());
            default -> new ArrayList<>(List.of(mapPanel.charts().entropyChart(), mapPanel.charts().rowChart()));
        };
    }

    MapPanel mapPanel() { return mapPanel; }

    DilutionPanel dilutionPanel() { return dilutionPanel; }

    DenoisingPanel denoisingPanel() { return denoisingPanel; }
}
