"""The one-to-one pairing with the highest total score (a linear assignment).

Two solvers give the same pairs for the same scores, ties included: `lap.lapjv` (C, needs
numpy) for large inputs, and below, for the few dozen findings a pack compares, the same
Jonker-Volgenant algorithm line for line as lap 0.5.13 writes it (lapjv.cpp: column
reduction and reduction transfer, two rounds of augmenting row reduction, then augmenting
paths), in Python floats, which are the C code's doubles. Importing numpy and lap costs
a pack more CPU (about 0.05 s) than every comparison it makes; a small pack never does.
"""

from __future__ import annotations

from collections.abc import Sequence

LARGE = 1000000  # lap's starting value for a column's price (lapjv.h)


def lapjv(cost: Sequence[Sequence[float]]) -> list[int]:
    """For each row of a square cost matrix, its column in the assignment of least total cost,
    as lap.lapjv(cost)[1] gives it."""
    n = len(cost)
    x, y, v = [-1] * n, [0] * n, [float(LARGE)] * n
    free = _column_reduction(cost, x, y, v)
    rounds = 0
    while free and rounds < 2:
        free = _augmenting_row_reduction(cost, free, x, y, v)
        rounds += 1
    for start in free:
        _augment(cost, start, x, y, v)
    return x


def _column_reduction(cost, x: list[int], y: list[int], v: list[float]) -> list[int]:
    """Each column's cheapest row; each row so given one column keeps it (_ccrrt_dense)."""
    n = len(cost)
    for i in range(n):
        row = cost[i]
        for j in range(n):
            if row[j] < v[j]:
                v[j], y[j] = row[j], i
    unique = [True] * n
    for j in range(n - 1, -1, -1):
        i = y[j]
        if x[i] < 0:
            x[i] = j
        else:
            unique[i], y[j] = False, -1
    free = []
    for i in range(n):
        if x[i] < 0:
            free.append(i)
        elif unique[i]:
            j, least = x[i], float(LARGE)
            for j2 in range(n):
                if j2 != j and cost[i][j2] - v[j2] < least:
                    least = cost[i][j2] - v[j2]
            v[j] -= least
    return free


def _augmenting_row_reduction(cost, free: list[int], x: list[int], y: list[int], v: list[float]) -> list[int]:
    """One round of augmenting row reduction (_carr_dense); the rows still free after it."""
    n, free = len(cost), list(free) + [0] * len(cost)
    n_free, current, new_free, count = len(free) - n, 0, 0, 0
    while current < n_free:
        count += 1
        free_i = free[current]
        current += 1
        row = cost[free_i]
        j1, v1, j2, v2 = 0, row[0] - v[0], -1, float(LARGE)
        for j in range(1, n):
            c = row[j] - v[j]
            if c < v2:
                if c >= v1:
                    v2, j2 = c, j
                else:
                    v2, v1, j2, j1 = v1, c, j1, j
        i0 = y[j1]
        v1_new = v[j1] - (v2 - v1)
        lowers = v1_new < v[j1]
        if count < current * n:
            if lowers:
                v[j1] = v1_new
            elif i0 >= 0 and j2 >= 0:
                j1, i0 = j2, y[j2]
            if i0 >= 0:
                if lowers:
                    current -= 1
                    free[current] = i0
                else:
                    free[new_free] = i0
                    new_free += 1
        elif i0 >= 0:
            free[new_free] = i0
            new_free += 1
        x[free_i], y[j1] = j1, free_i
    return free[:new_free]


def _augment(cost, start: int, x: list[int], y: list[int], v: list[float]) -> None:
    """Assign the free row `start` along the shortest augmenting path (_ca_dense)."""
    pred = [0] * len(cost)
    j = _shortest_path(cost, start, y, v, pred)
    i = -1
    while i != start:
        i = pred[j]
        y[j] = i
        j, x[i] = x[i], j


def _shortest_path(cost, start: int, y: list[int], v: list[float], pred: list[int]) -> int:
    """The closest free column from row `start`, by JV's modified Dijkstra (find_path_dense)."""
    n = len(cost)
    cols = list(range(n))
    d = [cost[start][j] - v[j] for j in range(n)]
    pred[:] = [start] * n
    lo = hi = ready = 0
    final = -1
    while final == -1:
        if lo == hi:
            ready = lo
            hi = _find(n, lo, d, cols)
            for k in range(lo, hi):
                if y[cols[k]] < 0:
                    final = cols[k]
        if final == -1:
            final, lo, hi = _scan(cost, lo, hi, d, cols, pred, y, v)
    least = d[cols[lo]]
    for k in range(ready):
        v[cols[k]] += d[cols[k]] - least
    return final


def _find(n: int, lo: int, d: list[float], cols: list[int]) -> int:
    """Move the columns of least d to the SCAN list cols[lo:hi]; hi (_find_dense)."""
    hi, least = lo + 1, d[cols[lo]]
    for k in range(hi, n):
        j = cols[k]
        if d[j] <= least:
            if d[j] < least:
                hi, least = lo, d[j]
            cols[k] = cols[hi]
            cols[hi] = j
            hi += 1
    return hi


def _scan(cost, lo: int, hi: int, d: list[float], cols: list[int], pred: list[int], y: list[int],
          v: list[float]) -> tuple[int, int, int]:
    """Lower the TODO columns' d through the SCAN columns (_scan_dense): (a free column
    reached at the least d, or -1; lo and hi, which, as in C, move only when none is)."""
    n, start = len(cost), (lo, hi)
    while lo != hi:
        j = cols[lo]
        lo += 1
        i = y[j]
        least = d[j]
        row = cost[i]
        h = row[j] - v[j] - least
        for k in range(hi, n):
            j = cols[k]
            reduced = row[j] - v[j] - h
            if reduced < d[j]:
                d[j] = reduced
                pred[j] = i
                if reduced == least:
                    if y[j] < 0:
                        return j, *start
                    cols[k] = cols[hi]
                    cols[hi] = j
                    hi += 1
    return -1, lo, hi
