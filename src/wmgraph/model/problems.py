"""The one collector of problems: every check of a graph folder adds to one, and all are reported at once."""

from __future__ import annotations

from ..errors import Problem, ValidationError

Mark = tuple[int, int]  # a (line, column) in a file


class Problems(list[Problem]):
    """Located problems, gathered while reading and checking, raised together as one `ValidationError`."""

    def add(self, file: str, mark: Mark, message: str, hint: str = "") -> None:
        """Record a problem at (line, column) `mark` of `file` (as shown to users)."""
        self.append(Problem(file, mark[0], mark[1], message, hint))

    def raise_any(self) -> None:
        """Raise every problem gathered as one `ValidationError`, if there is any."""
        if self:
            raise ValidationError(list(self))
