// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QXmlStreamReader>

#include <functional>

namespace vg {

// A QXmlStreamReader for untrusted GraphML and GEXF. It refuses the first DTD token (so no
// entity can be declared, expanded or fetched: no XXE, no billion laughs), any entity
// reference, nesting deeper than maxDepth and text runs over maxTextChars. It never resolves
// external resources. Errors name the line; after one, next() returns false.
class GuardedXmlReader final {
public:
    explicit GuardedXmlReader(const QByteArray &bytes, int maxDepth = 64, qsizetype maxTextChars = 1 << 20);

    // Reads the next token. False at the end of the document or on an error (error() set).
    bool next();
    QXmlStreamReader &xml() { return m_xml; }
    bool isStart() const { return m_xml.tokenType() == QXmlStreamReader::StartElement; }
    bool isEnd() const { return m_xml.tokenType() == QXmlStreamReader::EndElement; }
    bool isStart(QLatin1StringView localName) const { return isStart() && m_xml.name() == localName; }
    int line() const { return int(m_xml.lineNumber()); }
    int depth() const { return m_depth; }
    QString attribute(QLatin1StringView name) const { return m_xml.attributes().value(name).toString(); }

    // Reads the whole document, whose root element must be <root>: readRoot is called on its
    // start tag. Returns the error (with its line), or "no <root> element; expected `what`"
    // for a document without one; empty when all went well.
    QString readDocument(QLatin1StringView root, const QString &what, const std::function<bool()> &readRoot);

    // Skips the rest of the current element (the reader must be on its start tag).
    bool skipElement();
    // The text inside the current element and its children; leaves the reader on its end tag.
    bool elementText(QString *out);

    bool fail(const QString &what);
    bool fail(int line, const QString &what);
    const QString &error() const { return m_error; }
    bool failed() const { return !m_error.isEmpty(); }

private:
    QXmlStreamReader m_xml;
    QString m_error;
    int m_depth = 0;
    int m_maxDepth;
    qsizetype m_maxText;
};

} // namespace vg
