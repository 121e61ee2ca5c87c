// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/domain/printable.h"

#include <QString>
#include <QStringList>

#include <utility>
#include <variant>
#include <vector>

namespace vg {

// One thing wrong with an input: where (a JSON path, a file:line:column, a table and row)
// and what was expected. Messages are written for the person who has to fix the input.
struct Problem {
    QString where;
    QString what;
    QString toString() const { return where.isEmpty() ? what : where + QStringLiteral(": ") + what; }
};

// The failure of a fallible operation: the file it concerns and every problem found.
struct Error {
    QString file;
    std::vector<Problem> problems;

    Error() = default;
    Error(QString f, QString message) : file(std::move(f)) { problems.push_back({{}, std::move(message)}); }
    // At most kMaxProblems problems are kept, then one that counts the rest: a hostile file can
    // break every field of every row, and a message of a million lines helps nobody (the
    // validate command, which reads leniently, still lists them all).
    static constexpr std::size_t kMaxProblems = 100;
    Error(QString f, std::vector<Problem> p) : file(std::move(f)), problems(std::move(p))
    {
        if (problems.size() > kMaxProblems) {
            const std::size_t more = problems.size() - kMaxProblems;
            problems.resize(kMaxProblems);
            problems.push_back({{}, QStringLiteral("and %1 more problems; `vendorgraph validate` lists them all").arg(more)});
        }
    }

    // One line per problem, each prefixed by the file name. Control characters inside a
    // problem (quoted from a hostile file, say) are escaped: they cannot forge lines.
    QString message() const
    {
        QStringList lines;
        for (const Problem &p : problems)
            lines << escapeControls(file.isEmpty() ? p.toString() : file + QStringLiteral(": ") + p.toString());
        return lines.join(QLatin1Char('\n'));
    }
};

// A value or an Error; never both. The project's value-or-error return type.
template <typename T>
class Expected final {
public:
    Expected(T value) : m_v(std::move(value)) { }
    Expected(Error error) : m_v(std::move(error)) { }

    bool ok() const { return std::holds_alternative<T>(m_v); }
    explicit operator bool() const { return ok(); }
    T &value() { return std::get<T>(m_v); }
    const T &value() const { return std::get<T>(m_v); }
    T &operator*() { return value(); }
    const T &operator*() const { return value(); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }
    const Error &error() const { return std::get<Error>(m_v); }

private:
    std::variant<T, Error> m_v;
};

// For operations that return nothing on success.
struct Done { };
using Status = Expected<Done>;

} // namespace vg
