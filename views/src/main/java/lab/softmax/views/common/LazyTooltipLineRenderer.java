package lab.softmax.views.common;

import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import org.jfree.chart.entity.EntityCollection;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.labels.XYToolTipGenerator;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYDataset;

/**
 * A line renderer whose points' tooltips are written when the mouse asks for one, not at every redraw. JFreeChart
 * formats the tooltip of every point each time it draws a chart (a message format per point), which was the largest
 * single cost of redrawing a live chart of a few thousand points on the FX thread.
 */
final class LazyTooltipLineRenderer extends XYLineAndShapeRenderer {
    LazyTooltipLineRenderer() {
        super(true, false);
    }

    @Override
    protected void addEntity(EntityCollection entities, Shape hotspot, XYDataset dataset, int series, int item,
                             double entityX, double entityY) {
        if (!getItemCreateEntity(series, item)) return;
        Shape area = hotspot;
        if (area == null) {
            double r = getDefaultEntityRadius();
            area = new Ellipse2D.Double(entityX - r, entityY - r, 2 * r, 2 * r);
        }
        String url = getURLGenerator() == null ? null : getURLGenerator().generateURL(dataset, series, item);
        XYToolTipGenerator tips = getToolTipGenerator(series, item);
        entities.add(new XYItemEntity(area, dataset, series, item, null, url) {
            @Override
            public String getToolTipText() {
                // a live series may have changed since this drawing (thinned, cleared): no tip until the next one
                boolean current = series < dataset.getSeriesCount() && item < dataset.getItemCount(series);
                return tips == null || !current ? null : tips.generateToolTip(dataset, series, item);
            }
        });
    }
}
