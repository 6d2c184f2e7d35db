"""BIN validation with its check digit, in the model's form."""

import pytest

from ortaq.directory.forms import OrganizationForm
from ortaq.directory.validators import bin_check_digit, is_valid_bin


def make_bin(first_eleven: str) -> str:
    return first_eleven + str(bin_check_digit(first_eleven))


def test_it_accepts_a_bin_with_the_right_check_digit():
    assert is_valid_bin(make_bin("18024000001"))


def test_it_refuses_a_bin_with_a_wrong_check_digit():
    valid = make_bin("18024000001")
    wrong = valid[:11] + str((int(valid[11]) + 1) % 10)
    assert not is_valid_bin(wrong)


def test_it_uses_the_second_weights_when_the_first_give_ten():
    # 00000000010 gives 10 with the first weights (1..11): the digit comes from the second weights.
    assert sum(int(d) * w for d, w in zip("00000000010", range(1, 12), strict=True)) % 11 == 10
    assert bin_check_digit("00000000010") == 1


@pytest.mark.django_db
def test_the_form_explains_a_wrong_bin(demo):
    form = OrganizationForm(data={"name": "ТОО «Проверка»", "kind": "company", "bin": "123456789012"})
    assert not form.is_valid()
    assert "контрольная цифра" in form.errors["bin"][0]


@pytest.mark.django_db
def test_the_form_explains_a_short_bin(demo):
    form = OrganizationForm(data={"name": "ТОО «Проверка»", "kind": "company", "bin": "1234"})
    assert not form.is_valid()
    assert "12 цифр" in form.errors["bin"][0]
