// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/io/guardedxmlreader.h"

namespace vg {

GuardedXmlReader::GuardedXmlReader(const QByteArray &bytes, int maxDepth, qsizetype maxTextChars)
    : m_xml(bytes), m_maxDepth(maxDepth), m_maxText(maxTextChars)
{
    m_xml.setNamespaceProcessing(true);
    m_xml.setEntityResolver(nullptr);
}

bool GuardedXmlReader::fail(const QString &what) { return fail(line(), what); }

bool GuardedXmlReader::fail(int line, const QString &what)
{
    if (m_error.isEmpty())
        m_error = QStringLiteral("line %1: %2").arg(line).arg(what);
    return false;
}

QString GuardedXmlReader::readDocument(QLatin1StringView root, const QString &what,
                                       const std::function<bool()> &readRoot)
{
    bool sawRoot = false;
    while (next()) {
        if (isStart(root)) {
            sawRoot = true;
            if (!readRoot())
                break;
        } else if (isStart()) {
            fail(QStringLiteral("the root element is <%1>; expected <%2>")
                     .arg(m_xml.name().toString().left(40), QString(root)));
            break;
        }
    }
    if (failed())
        return m_error;
    if (!sawRoot)
        return QStringLiteral("no <%1> element; expected %2").arg(QString(root), what);
    return QString();
}

bool GuardedXmlReader::next()
{
    if (failed())
        return false;
    switch (m_xml.readNext()) {
    case QXmlStreamReader::DTD:
        return fail(QStringLiteral("the file declares a DTD (<!DOCTYPE ...>); VendorGraph refuses DTDs in imported "
                                   "XML because they can expand entities or fetch other files, and GraphML and "
                                   "GEXF never need one; remove the DOCTYPE line"));
    case QXmlStreamReader::EntityReference:
        return fail(QStringLiteral("an entity reference (&%1;); expected plain text (only &amp; &lt; &gt; &quot; "
                                   "&apos; and numeric references are allowed)")
                        .arg(m_xml.name().toString().left(40)));
    case QXmlStreamReader::Invalid: return fail(QStringLiteral("malformed XML: %1").arg(m_xml.errorString()));
    case QXmlStreamReader::StartElement:
        if (++m_depth > m_maxDepth)
            return fail(QStringLiteral("elements nested deeper than %1 levels").arg(m_maxDepth));
        return true;
    case QXmlStreamReader::EndElement: --m_depth; return true;
    case QXmlStreamReader::Characters:
        if (m_xml.text().size() > m_maxText)
            return fail(QStringLiteral("a text of more than %1 characters").arg(m_maxText));
        return true;
    case QXmlStreamReader::EndDocument: return false;
    default: return true;
    }
}

bool GuardedXmlReader::skipElement()
{
    const int depth = m_depth;
    while (next())
        if (isEnd() && m_depth == depth - 1)
            return true;
    return !failed() ? fail(QStringLiteral("malformed XML: the document ends inside an element")) : false;
}

bool GuardedXmlReader::elementText(QString *out)
{
    out->clear();
    const int depth = m_depth;
    while (next()) {
        if (m_xml.tokenType() == QXmlStreamReader::Characters) {
            out->append(m_xml.text());
            if (out->size() > m_maxText)
                return fail(QStringLiteral("a text of more than %1 characters").arg(m_maxText));
        } else if (isEnd() && m_depth == depth - 1) {
            return true;
        }
    }
    return !failed() ? fail(QStringLiteral("malformed XML: the document ends inside an element")) : false;
}

} // namespace vg
