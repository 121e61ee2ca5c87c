// SPDX-License-Identifier: GPL-3.0-or-later
// Hostile XML, CSV and JSON (issue 11): each payload is refused, through the same path as
// `vendorgraph import` (or open, for JSON), in under 100 ms and 50 MB, measured in a process
// of its own (vg_importprobe). Payloads: external entities (file, http, parameter, public),
// billion laughs and quadratic blowup, recursive entities, DTDs, deep nesting, oversized
// text, invalid UTF-8, 100 MB CSV files of one gigantic cell, millions of columns. Time is the
// processor time of the import (wall time is printed too: on a busy machine it is longer).
#include "tests/testutil.h"

#include <QProcess>
#include <QTemporaryDir>

#if defined(__SANITIZE_ADDRESS__)
#define VG_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define VG_SANITIZED 1
#endif
#endif

namespace {

struct Payload {
    const char *name; // the row
    const char *file; // its file name (the extension picks the reader)
    QByteArray (*make)();
    const char *expect; // a fragment of the refusal
    bool model = false; // open as a model instead of importing
};

QByteArray repeat(const QByteArray &s, qsizetype n)
{
    QByteArray out;
    out.reserve(s.size() * n);
    for (qsizetype i = 0; i < n; ++i)
        out += s;
    return out;
}

const QByteArray kGraphmlHead = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
const QByteArray kGraphmlOpen = "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
                                "<key id=\"d0\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n"
                                "<graph edgedefault=\"directed\">\n";
const QByteArray kGraphmlClose = "</graph>\n</graphml>\n";

QByteArray graphml(const QByteArray &doctype, const QByteArray &body)
{
    return kGraphmlHead + doctype + kGraphmlOpen + body + kGraphmlClose;
}

QByteArray gexf(const QByteArray &doctype, const QByteArray &body)
{
    return kGraphmlHead + doctype
        + "<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\"><graph defaultedgetype=\"directed\"><nodes>\n" + body
        + "</nodes><edges/></graph></gexf>\n";
}

QByteArray laughs()
{
    QByteArray dtd = "<!DOCTYPE graphml [\n<!ENTITY lol \"lol\">\n";
    for (int i = 1; i <= 9; ++i) {
        dtd += "<!ENTITY lol" + QByteArray::number(i) + " \"";
        for (int k = 0; k < 10; ++k)
            dtd += "&lol" + (i == 1 ? QByteArray() : QByteArray::number(i - 1)) + ";";
        dtd += "\">\n";
    }
    return dtd + "]>\n";
}

const Payload kPayloads[] = {
    // XML external entities: the DTD that declares them is refused before anything resolves.
    {"GraphML: external entity reading /etc/passwd", "xxe-file.graphml",
     [] {
         return graphml("<!DOCTYPE graphml [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n",
                        "<node id=\"a\"><data key=\"d0\">&xxe;</data></node>\n");
     },
     "DTD"},
    {"GraphML: external entity over http", "xxe-http.graphml",
     [] {
         return graphml("<!DOCTYPE graphml [<!ENTITY xxe SYSTEM \"http://127.0.0.1:9/secret\">]>\n",
                        "<node id=\"a\"><data key=\"d0\">&xxe;</data></node>\n");
     },
     "DTD"},
    {"GraphML: external parameter entity", "xxe-parameter.graphml",
     [] {
         return graphml("<!DOCTYPE graphml [<!ENTITY % p SYSTEM \"http://127.0.0.1:9/x.dtd\"> %p;]>\n",
                        "<node id=\"a\"/>\n");
     },
     "DTD"},
    {"GraphML: public external entity", "xxe-public.graphml",
     [] {
         return graphml("<!DOCTYPE graphml [<!ENTITY xxe PUBLIC \"-//X//Y\" \"file:///etc/shadow\">]>\n",
                        "<node id=\"a\"><data key=\"d0\">&xxe;</data></node>\n");
     },
     "DTD"},
    {"GraphML: external DTD subset", "external-dtd.graphml",
     [] { return graphml("<!DOCTYPE graphml SYSTEM \"http://127.0.0.1:9/graphml.dtd\">\n", "<node id=\"a\"/>\n"); },
     "DTD"},
    {"GraphML: entity in an attribute value", "xxe-attribute.graphml",
     [] {
         return graphml("<!DOCTYPE graphml [<!ENTITY xxe SYSTEM \"file:///etc/hostname\">]>\n",
                        "<node id=\"&xxe;\"/>\n");
     },
     "DTD"},
    // Entity expansion bombs.
    {"GraphML: billion laughs", "laughs.graphml",
     [] { return graphml(laughs(), "<node id=\"a\"><data key=\"d0\">&lol9;</data></node>\n"); }, "DTD"},
    {"GraphML: quadratic blowup (one 50 kB entity used 50,000 times)", "quadratic.graphml",
     [] {
         return graphml("<!DOCTYPE graphml [<!ENTITY a \"" + QByteArray(50000, 'a') + "\">]>\n",
                        "<node id=\"a\"><data key=\"d0\">" + repeat("&a;", 50000) + "</data></node>\n");
     },
     "DTD"},
    {"GraphML: self-recursive entity", "recursive.graphml",
     [] {
         return graphml("<!DOCTYPE graphml [<!ENTITY e \"&e;\">]>\n",
                        "<node id=\"a\"><data key=\"d0\">&e;</data></node>\n");
     },
     "DTD"},
    {"GraphML: mutually recursive entities", "mutual.graphml",
     [] {
         return graphml("<!DOCTYPE graphml [<!ENTITY a \"&b;\"><!ENTITY b \"&a;\">]>\n",
                        "<node id=\"a\"><data key=\"d0\">&a;</data></node>\n");
     },
     "DTD"},
    {"GraphML: a DTD with nothing in it", "empty-dtd.graphml",
     [] { return graphml("<!DOCTYPE graphml []>\n", "<node id=\"a\"/>\n"); }, "DTD"},
    {"GraphML: an undeclared entity", "undeclared.graphml",
     [] { return graphml({}, "<node id=\"a\"><data key=\"d0\">&nope;</data></node>\n"); }, "line"},
    // Nesting and size.
    {"GraphML: 100,000 nested elements", "deep.graphml",
     [] {
         return graphml({},
                        "<node id=\"a\"><data key=\"d0\">" + repeat("<x>", 100000) + repeat("</x>", 100000)
                            + "</data></node>\n");
     },
     "nested deeper"},
    {"GraphML: 200,000 unclosed elements", "unclosed.graphml", [] { return graphml({}, repeat("<graph>", 200000)); },
     "nested deeper"},
    {"GraphML: a text of 2 million characters", "long-text.graphml",
     [] { return graphml({}, "<node id=\"a\"><data key=\"d0\">" + QByteArray(2'000'000, 'x') + "</data></node>\n"); },
     "more than"},
    {"GraphML: a CDATA section of 2 million characters", "long-cdata.graphml",
     [] {
         return graphml(
             {}, "<node id=\"a\"><data key=\"d0\"><![CDATA[" + QByteArray(2'000'000, 'x') + "]]></data></node>\n");
     },
     "more than"},
    // Encodings.
    {"GraphML: invalid UTF-8 in a text", "bad-utf8.graphml",
     [] { return graphml({}, "<node id=\"a\"><data key=\"d0\">caf\xC3\x28</data></node>\n"); }, "line"},
    {"GraphML: an overlong UTF-8 slash", "overlong.graphml",
     [] { return graphml({}, "<node id=\"a\"><data key=\"d0\">..\xC0\xAF..</data></node>\n"); }, "line"},
    {"GraphML: UTF-16 declared, UTF-8 written", "wrong-encoding.graphml",
     [] {
         return QByteArray("<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n") + kGraphmlOpen + "<node id=\"a\"/>\n"
             + kGraphmlClose;
     },
     "line"},
    // GEXF goes through the same guarded reader.
    {"GEXF: external entity", "xxe.gexf",
     [] {
         return gexf("<!DOCTYPE gexf [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n",
                     "<node id=\"a\" label=\"&xxe;\"/>\n");
     },
     "DTD"},
    {"GEXF: billion laughs", "laughs.gexf",
     [] {
         QByteArray dtd = laughs();
         dtd.replace("graphml", "gexf");
         return gexf(dtd, "<node id=\"a\" label=\"&lol9;\"/>\n");
     },
     "DTD"},
    {"GEXF: 100,000 nested nodes", "deep.gexf", [] { return gexf({}, repeat("<node id=\"n\"><nodes>", 100000)); },
     "nested deeper"},
    {"GEXF: invalid UTF-8", "bad-utf8.gexf", [] { return gexf({}, "<node id=\"a\" label=\"\xFF\xFE\"/>\n"); }, "line"},
    // CSV: giants are measured in chunks and refused before the file is read whole.
    {"CSV: 100 MB file of one gigantic unquoted cell", "giant-cell.csv",
     [] { return QByteArray(100 * 1024 * 1024, 'A'); }, "a cell longer than"},
    {"CSV: 100 MB gigantic quoted cell after a header", "giant-quoted.csv",
     [] { return "id,name\nv1,\"" + QByteArray(100 * 1024 * 1024, 'B') + "\"\n"; }, "quoted cell longer than"},
    {"CSV: 100 MB unterminated quote over commas and lines", "unterminated.csv",
     [] { return "id,name\nv1,\"" + repeat("a,b\n", 25 * 1024 * 1024); }, "quoted cell longer than"},
    {"CSV: 100 MB of text after a closing quote", "after-quote.csv",
     [] { return "id,name\nv1,\"x\"" + QByteArray(100 * 1024 * 1024, 'C') + "\n"; }, "a cell longer than"},
    {"CSV: a header of 3 million columns", "wide-header.csv", [] { return repeat("a,", 3'000'000) + "\n"; },
     "more than 512 columns"},
    {"CSV: a row of 3 million columns", "wide-row.csv", [] { return "id,name\n" + repeat("x,", 3'000'000) + "\n"; },
     "more than 512 columns"},
    {"CSV: 3 million semicolon columns", "wide-semicolons.csv", [] { return repeat("a;", 3'000'000) + "\n"; },
     "more than 512 columns"},
    {"CSV: 3 million tab columns", "wide-tabs.csv", [] { return repeat("a\t", 3'000'000) + "\n"; },
     "more than 512 columns"},
    {"CSV: bytes neither UTF-8 nor Windows-1252", "undefined-bytes.csv",
     [] { return QByteArray("id,name\nv1,bad \x81\x8D\x8F byte\n"); }, "unreadable encoding"},
    {"CSV: a UTF-8 byte-order mark over invalid UTF-8", "bom-bad-utf8.csv",
     [] { return QByteArray("\xEF\xBB\xBFid,name\nv1,caf\xC3\x28\n"); }, "not valid UTF-8"},
    {"CSV: a UTF-16 byte-order mark over an unpaired surrogate", "bad-utf16.csv",
     [] { return QByteArray("\xFF\xFEi\0d\0,\0n\0\n\0\x00\xD8x\0\n\0", 18); }, "not valid UTF-16"},
    {"CSV: UTF-16 without a byte-order mark", "utf16-nobom.csv",
     [] { return QByteArray("i\0d\0,\0n\0a\0m\0e\0\n\0v\0\x31\0,\0V\0\n\0", 26); }, "NUL"},
    {"CSV: a binary file (a zip archive)", "binary.csv",
     [] { return QByteArray("PK\x03\x04", 4) + QByteArray(4000, '\0'); }, "NUL"},
    // JSON models.
    {"JSON: 100,000 nested arrays", "deep.json",
     [] { return "{\"format\": \"vendorgraph\", \"version\": 1, \"nodes\": " + repeat("[", 100000) + "}"; }, "nesting",
     true},
    {"JSON: invalid UTF-8 in a string", "bad-utf8.json",
     [] { return QByteArray("{\"format\": \"vendorgraph\", \"version\": 1, \"name\": \"caf\xC3\x28\"}"); }, "UTF-8",
     true},
};

} // namespace

class TestHostileInputs : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void refusedQuicklyInLittleMemory_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("expect");
        QTest::addColumn<bool>("model");
        for (const Payload &p : kPayloads) {
            const QString file = m_dir.filePath(QLatin1StringView(p.file));
            QVERIFY(vg::test::writeAll(file, p.make()));
            QTest::newRow(p.name) << file << QString::fromLatin1(p.expect) << p.model;
        }
    }
    void refusedQuicklyInLittleMemory()
    {
        QFETCH(QString, file);
        QFETCH(QString, expect);
        QFETCH(bool, model);
        QProcess probe;
        probe.start(QStringLiteral(VG_IMPORTPROBE),
                    model ? QStringList{QStringLiteral("--model"), file} : QStringList{file});
        QVERIFY(probe.waitForFinished(60000));
        QCOMPARE(probe.exitCode(), 0);
        const QString out = QString::fromUtf8(probe.readAllStandardOutput()).trimmed();
        auto field = [&](const char *key) {
            const QString k = QLatin1StringView(key) + QLatin1Char('=');
            const qsizetype at = out.indexOf(k);
            return at < 0 ? QString() : out.mid(at + k.size()).section(QLatin1Char(' '), 0, 0);
        };
        QCOMPARE(field("ok"), QStringLiteral("0"));
        const QString message = out.mid(out.indexOf(QStringLiteral("message=")) + 8);
        QVERIFY2(message.contains(expect), qPrintable(message));
        QVERIFY2(message.startsWith(file), qPrintable(message)); // it names the file
        const qint64 ms = field("cpu_ms").toLongLong();
        const qint64 grownKb = field("rss_peak_kb").toLongLong() - field("rss_before_kb").toLongLong();
        qInfo("%5lld ms CPU (%5lld ms wall) %7lld kB  %s", ms, field("ms").toLongLong(), grownKb,
              qPrintable(message.left(100)));
#ifndef VG_SANITIZED // sanitizers slow code down and inflate memory; there only the refusal counts
        QVERIFY2(ms < 100, qPrintable(QStringLiteral("%1 ms").arg(ms)));
        QVERIFY2(grownKb < 50 * 1024, qPrintable(QStringLiteral("%1 kB").arg(grownKb)));
#endif
    }

    void atLeastThirtyPayloads() { QVERIFY(std::size(kPayloads) >= 30); }
};

QTEST_GUILESS_MAIN(TestHostileInputs)
#include "tst_hostileinputs.moc"
