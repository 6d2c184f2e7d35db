"""Validation of Kazakhstan's business identification number (БИН)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

FIRST_WEIGHTS = tuple(range(1, 12))
SECOND_WEIGHTS = (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2)


def bin_check_digit(first_eleven: str) -> int | None:
    """The 12th digit of a BIN/IIN for its first eleven, or None when no digit is valid."""
    digits = [int(char) for char in first_eleven]
    for weights in (FIRST_WEIGHTS, SECOND_WEIGHTS):
        remainder = sum(d * w for d, w in zip(digits, weights, strict=True)) % 11
        if remainder != 10:
            return remainder
    return None


def is_valid_bin(value: str) -> bool:
    """True for twelve digits whose last one is the check digit of the others."""
    return len(value) == 12 and value.isdigit() and bin_check_digit(value[:11]) == int(value[11])


def validate_bin(value: str) -> None:
    """Refuse a BIN that is not twelve digits or whose check digit is wrong."""
    if len(value) != 12 or not value.isdigit():
        raise ValidationError(_("БИН состоит из 12 цифр."), code="bin_format")
    if not is_valid_bin(value):
        raise ValidationError(_("Неверная контрольная цифра БИН."), code="bin_checksum")
