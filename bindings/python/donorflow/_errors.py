"""The exception donorflow raises for a scenario it cannot accept."""

from __future__ import annotations


class ScenarioError(ValueError):
    """A scenario table holds something donorflow cannot accept.

    The message names the table, the row (counted from 0, in the order of the DataFrame or
    file) and the field, for example ``needs row 3 (id "N-12"), field "amount": is negative``.
    The same facts are attributes, so code can point at the cell:

    Attributes:
        table: the table's name (``"needs"``), or ``"scenario"`` for the document as a whole.
        row: the row's position in the table, or -1 when the error is not about one row.
        id: the row's id, when it has one.
        field: the field (column), or ``""``.
        reason: what is wrong, without the location.
    """

    def __init__(self, message: str, table: str = "", row: int = -1, id: str = "",
                 field: str = "", reason: str = "") -> None:
        super().__init__(message)
        self.table = table
        self.row = row
        self.id = id
        self.field = field
        self.reason = reason or message

    def __reduce__(self):  # keep the attributes across processes (executors, Dask)
        return (type(self), (str(self), self.table, self.row, self.id, self.field, self.reason))
