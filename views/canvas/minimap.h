// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QImage>
#include <QTimer>
#include <QWidget>

namespace vg {

class GraphView;

// The overview of a big map: the whole scene in miniature, with the main view's visible
// area as a frame. Click or drag to move the view. The miniature is rendered into an image
// at most a few times a second (after the scene changes), so it costs nothing while the
// user pans or zooms.
class Minimap final : public QWidget {
    Q_OBJECT
public:
    explicit Minimap(GraphView *view, QWidget *parent = nullptr);
    QSize sizeHint() const override { return {240, 160}; }
    // Renders the miniature again soon.
    void scheduleRender();

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void render();
    QRectF imageRect() const;
    void centerAt(QPoint p);

    GraphView *m_view;
    QImage m_image;
    QRectF m_sceneRect; // what the image shows
    QTimer m_timer;
};

} // namespace vg
