"""The ``text`` module's regular expressions: Go's regexp API as Wippy's Lua sees it."""

from luac2py.runtime.table import Table
from luac2py.runtime.wippy.errors import INVALID
from luac2py.runtime.wippy.text import TEXT


def compiled(pattern):
    regexp, err = TEXT.regexp.compile(pattern)
    assert err is None
    return regexp


def items(t: Table) -> list:
    return [t[i] for i in range(1, t.length() + 1)]


def test_compile_error_is_an_invalid_error_value():
    regexp, err = TEXT.regexp.compile("[invalid")
    assert regexp is None
    assert err.kind() == INVALID and err.retryable() is False and "[invalid" in err.message()


def test_find_and_match():
    digits = compiled("[0-9]+")
    assert digits.match_string("hello123") is True and digits.match_string("hello") is False
    assert digits.find_string("a12b345") == "12" and digits.find_string("abc") is None
    assert items(digits.find_all_string("a1b22c333")) == ["1", "22", "333"]
    assert items(digits.find_all_string("a1b22c333", 2)) == ["1", "22"]
    assert digits.find_all_string("abc") is None
    # 1-based and inclusive, so content:sub(idx[1], idx[2]) is the match.
    assert items(compiled("page\\d+").find_string_index("The page1 here")) == [5, 9]


def test_groups():
    pair = compiled("([a-z]+)([0-9]+)")
    assert items(pair.find_string_submatch("xx hello123 world")) == ["hello123", "hello", "123"]
    assert [items(m) for m in items(compiled("([a-z]+)@([a-z]+)").find_all_string_submatch("a@b c@d"))] == [
        ["a@b", "a", "b"], ["c@d", "c", "d"],
    ]  # fmt: skip
    assert pair.num_subexp() == 2 and compiled("x").num_subexp() == 0
    assert items(compiled("(?P<name>[a-z]+)(?P<num>[0-9]+)").subexp_names()) == ["", "name", "num"]
    assert pair.string() == "([a-z]+)([0-9]+)"


def test_replace_expands_go_templates():
    pair = compiled("([a-z]+)([0-9]+)")
    assert pair.replace_all_string("ab12 cd3", "$2-${1}") == "12-ab 3-cd"
    assert pair.replace_all_string("ab12", "$$ $9") == "$ "  # `$$` is a dollar; a missing group is empty
    assert compiled("world").replace_all_string("hello world", "lua") == "hello lua"


def test_split_with_go_limits():
    comma = compiled(",")
    assert items(comma.split("a,b,c")) == ["a", "b", "c"]
    assert items(comma.split("a,b,c,d", 2)) == ["a", "b,c,d"]
    assert items(comma.split("a,b,c", -1)) == ["a", "b", "c"]
    assert items(comma.split("a,b", 0)) == []
