// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

namespace vg {

// The rows of a list model over store handles: row -> handle and handle -> row in O(1);
// appending is O(1), removing is O(rows) (the rows after it move up).
class HandleRows final {
public:
    void clear()
    {
        m_rows.clear();
        m_rowOf.clear();
    }
    int size() const { return int(m_rows.size()); }
    int handle(int row) const { return m_rows[std::size_t(row)]; }
    int row(int handle) const
    {
        return handle >= 0 && std::size_t(handle) < m_rowOf.size() ? m_rowOf[std::size_t(handle)] : -1;
    }
    int append(int handle)
    {
        if (std::size_t(handle) >= m_rowOf.size())
            m_rowOf.resize(std::size_t(handle) + 1, -1);
        m_rowOf[std::size_t(handle)] = size();
        m_rows.push_back(handle);
        return size() - 1;
    }
    void removeRow(int row)
    {
        m_rowOf[std::size_t(m_rows[std::size_t(row)])] = -1;
        m_rows.erase(m_rows.begin() + row);
        for (int r = row; r < size(); ++r)
            m_rowOf[std::size_t(m_rows[std::size_t(r)])] = r;
    }

private:
    std::vector<int> m_rows;
    std::vector<int> m_rowOf;
};

} // namespace vg
