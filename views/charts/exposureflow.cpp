// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/charts/exposureflow.h"

#include "model/reports/format.h"
#include "views/canvas/canvasstyle.h"
#include "views/mainwindow/theme.h"

#include <QHash>
#include <QPainter>
#include <QPainterPath>

#include <map>

namespace vg {

namespace {

constexpr int kMaxPerColumn = 12;

struct Column {
    QStringList labels;
    std::vector<double> totals;
    std::vector<int> tiers; // categories only
};

} // namespace

ExposureFlow::ExposureFlow(QWidget *parent) : QWidget(parent) { setMinimumSize(420, 260); }

void ExposureFlow::setResult(std::shared_ptr<const AnalysisResult> result)
{
    m_result = std::move(result);
    update();
}

void ExposureFlow::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const CanvasStyle s = canvasStyleForPalette();
    p.fillRect(rect(), s.background);
    paint(&p, QRectF(rect()).adjusted(8, 8, -8, -8), s.dark);
}

void ExposureFlow::paint(QPainter *p, const QRectF &area, bool dark) const
{
    const CanvasStyle s = dark ? CanvasStyle::darkTheme() : CanvasStyle::light();
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    QFont f = p->font();
    f.setPixelSize(12);
    p->setFont(f);
    if (!m_result || !m_result->radius || m_result->radius->exposed().empty()) {
        p->setPen(s.subtleText);
        p->drawText(area, Qt::AlignCenter, tr("Nothing is exposed in this scenario."));
        p->restore();
        return;
    }
    const BlastRadius &r = *m_result->radius;
    QHash<QString, QString> names;
    QHash<QString, qint64> counts;
    for (const Node &n : m_result->model->nodes) {
        names.insert(n.id, n.name.isEmpty() ? n.id : n.name);
        if (n.count)
            counts.insert(n.id, *n.count);
    }
    // Links: population -> category (its count), category -> holder (the category's people
    // split evenly among its holders).
    std::map<std::pair<QString, QString>, double> left, right;
    QHash<QString, double> pop, cat, hold;
    QHash<QString, int> tier;
    for (const ExposedCategory &c : r.exposed()) {
        if (c.people <= 0)
            continue;
        tier.insert(c.category, c.tier);
        for (const QString &o : c.origins) {
            left[{o, c.category}] += double(counts.value(o));
            pop[o] += double(counts.value(o));
            cat[c.category] += double(counts.value(o));
        }
        const QStringList holders = r.holders(c.category);
        for (const QString &h : holders) {
            const double share = double(c.people) / double(holders.size());
            right[{c.category, h}] += share;
            hold[h] += share;
        }
    }
    if (cat.isEmpty()) {
        p->setPen(s.subtleText);
        p->drawText(area, Qt::AlignCenter,
                    tr("The exposed categories have no known population behind them (see the matrix)."));
        p->restore();
        return;
    }
    // The biggest of each column; the rest as "others".
    const QString others = tr("others");
    auto top = [&](const QHash<QString, double> &totals) {
        std::vector<std::pair<QString, double>> v;
        for (auto it = totals.cbegin(); it != totals.cend(); ++it)
            v.emplace_back(it.key(), *it);
        std::sort(v.begin(), v.end(), [](const auto &a, const auto &b) {
            return a.second != b.second ? a.second > b.second : a.first < b.first;
        });
        QHash<QString, QString> keep;
        for (std::size_t i = 0; i < v.size(); ++i)
            keep.insert(v[i].first, i < std::size_t(kMaxPerColumn) ? v[i].first : others);
        return keep;
    };
    const auto popKey = top(pop), catKey = top(cat), holdKey = top(hold);
    std::map<std::pair<QString, QString>, double> l2, r2;
    for (const auto &[k, v] : left)
        l2[{popKey.value(k.first), catKey.value(k.second)}] += v;
    for (const auto &[k, v] : right)
        r2[{catKey.value(k.first), holdKey.value(k.second)}] += v;
    auto totalsOf = [](const auto &links, bool first) {
        std::map<QString, double> t;
        for (const auto &[k, v] : links)
            t[first ? k.first : k.second] += v;
        return t;
    };
    std::map<QString, double> popT = totalsOf(l2, true), catL = totalsOf(l2, false), catR = totalsOf(r2, true),
                              holdT = totalsOf(r2, false);
    // Order: biggest first, "others" last.
    auto order = [&](const std::map<QString, double> &t) {
        std::vector<QString> v;
        for (const auto &[k, val] : t)
            v.push_back(k);
        std::sort(v.begin(), v.end(), [&](const QString &a, const QString &b) {
            if ((a == others) != (b == others))
                return b == others;
            return t.at(a) != t.at(b) ? t.at(a) > t.at(b) : a < b;
        });
        return v;
    };
    const std::vector<QString> popO = order(popT), catO = order(catL), holdO = order(holdT);
    const double labelW = std::min(190.0, area.width() * 0.2);
    const double barW = 14;
    const double x0 = area.left() + labelW, x1 = area.center().x() - barW / 2, x2 = area.right() - labelW - barW;
    const double gap = 6;
    auto layoutColumn = [&](const std::vector<QString> &keys, const std::map<QString, double> &t) {
        double total = 0;
        for (const QString &k : keys)
            total += t.at(k);
        const double usable = area.height() - 24 - gap * double(keys.size() - 1);
        std::map<QString, std::pair<double, double>> out; // top, height
        double y = area.top() + 20;
        for (const QString &k : keys) {
            const double h = std::max(2.0, usable * t.at(k) / total);
            out[k] = {y, h};
            y += h + gap;
        }
        return std::pair{out, total};
    };
    const auto [popL, popTotal] = layoutColumn(popO, popT);
    std::map<QString, double> catT;
    for (const QString &k : catO)
        catT[k] = std::max(catL.count(k) ? catL.at(k) : 0.0, catR.count(k) ? catR.at(k) : 0.0);
    const auto [catLay, catTotal] = layoutColumn(catO, catT);
    const auto [holdL, holdTotal] = layoutColumn(holdO, holdT);
    auto tierColor = [&](const QString &c) {
        return c == others ? s.subtleText : s.tierColor[std::size_t(std::clamp(tier.value(c, 3), 1, 4) - 1)];
    };
    // Bands, drawn behind the bars.
    auto drawLinks = [&](const auto &links, const auto &fromLay, const auto &toLay, double fromX, double toX,
                         const std::map<QString, double> &fromTotals, const std::map<QString, double> &toTotals,
                         bool colourByTo) {
        std::map<QString, double> outOffset, inOffset;
        for (const auto &[k, v] : links) {
            const auto [fy, fh] = fromLay.at(k.first);
            const auto [ty, th] = toLay.at(k.second);
            const double hf = fh * v / fromTotals.at(k.first), ht = th * v / toTotals.at(k.second);
            const double a = fy + outOffset[k.first], b = ty + inOffset[k.second];
            outOffset[k.first] += hf;
            inOffset[k.second] += ht;
            QPainterPath path;
            const double mx = (fromX + toX) / 2;
            path.moveTo(fromX, a);
            path.cubicTo(mx, a, mx, b, toX, b);
            path.lineTo(toX, b + ht);
            path.cubicTo(mx, b + ht, mx, a + hf, fromX, a + hf);
            path.closeSubpath();
            QColor c = tierColor(colourByTo ? k.second : k.first);
            c.setAlpha(dark ? 110 : 90);
            p->fillPath(path, c);
        }
    };
    drawLinks(l2, popL, catLay, x0 + barW, x1, popT, catT, true);
    drawLinks(r2, catLay, holdL, x1 + barW, x2, catT, holdT, false);
    auto drawBars = [&](const std::vector<QString> &keys, const auto &lay, double x, bool labelLeft, auto colour,
                        auto label) {
        for (const QString &k : keys) {
            const auto [y, h] = lay.at(k);
            p->fillRect(QRectF(x, y, barW, h), colour(k));
            p->setPen(s.text);
            const QRectF box = labelLeft ? QRectF(x - labelW - 4, y + h / 2 - 9, labelW, 18)
                                         : QRectF(x + barW + 4, y + h / 2 - 9, labelW, 18);
            p->drawText(box, (labelLeft ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter,
                        QFontMetricsF(p->font()).elidedText(label(k), Qt::ElideRight, labelW));
        }
    };
    drawBars(
        popO, popL, x0, true, [&](const QString &) { return s.nodeBorder[0]; },
        [&](const QString &k) { return k == others ? k : names.value(k, k); });
    drawBars(catO, catLay, x1, false, tierColor, [&](const QString &k) { return k; });
    drawBars(
        holdO, holdL, x2, false, [&](const QString &) { return s.nodeBorder[2]; },
        [&](const QString &k) { return k == others ? k : names.value(k, k); });
    f.setBold(true);
    p->setFont(f);
    p->setPen(s.subtleText);
    p->drawText(QRectF(area.left(), area.top(), labelW + barW, 16), Qt::AlignRight, tr("Populations"));
    Q_UNUSED(popTotal);
    p->drawText(QRectF(x1 - 60, area.top(), 140, 16), Qt::AlignCenter, tr("Categories"));
    p->drawText(QRectF(x2, area.top(), labelW + barW, 16), Qt::AlignLeft, tr("Holders"));
    Q_UNUSED(catTotal);
    Q_UNUSED(holdTotal);
    p->restore();
}

} // namespace vg
