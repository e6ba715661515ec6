import pytest

from aftersail.env import ConfigError, env_bool, env_int, env_list, env_str


def test_env_str_prefers_variable_over_file(monkeypatch, tmp_path):
    secret = tmp_path / "secret"
    secret.write_text("from-file\n")
    monkeypatch.setenv("AS_TEST_SECRET_FILE", str(secret))
    assert env_str("AS_TEST_SECRET") == "from-file"
    monkeypatch.setenv("AS_TEST_SECRET", "from-env")
    assert env_str("AS_TEST_SECRET") == "from-env"


def test_env_str_default_when_missing(monkeypatch):
    monkeypatch.delenv("AS_TEST_MISSING", raising=False)
    assert env_str("AS_TEST_MISSING", "fallback") == "fallback"


def test_unreadable_file_is_a_clear_error(monkeypatch, tmp_path):
    monkeypatch.setenv("AS_TEST_X_FILE", str(tmp_path / "nope"))
    with pytest.raises(ConfigError, match="AS_TEST_X_FILE"):
        env_str("AS_TEST_X")


@pytest.mark.parametrize(
    ("raw", "expected"), [("1", True), ("TRUE", True), ("yes", True), ("off", False), ("0", False)]
)
def test_env_bool(monkeypatch, raw, expected):
    monkeypatch.setenv("AS_TEST_FLAG", raw)
    assert env_bool("AS_TEST_FLAG") is expected


def test_env_bool_rejects_nonsense(monkeypatch):
    monkeypatch.setenv("AS_TEST_FLAG", "maybe")
    with pytest.raises(ConfigError, match="not a boolean"):
        env_bool("AS_TEST_FLAG")


def test_env_int_validates(monkeypatch):
    monkeypatch.setenv("AS_TEST_N", "12")
    assert env_int("AS_TEST_N", 3) == 12
    monkeypatch.setenv("AS_TEST_N", "twelve")
    with pytest.raises(ConfigError, match="whole number"):
        env_int("AS_TEST_N", 3)
    monkeypatch.setenv("AS_TEST_N", "0")
    with pytest.raises(ConfigError, match="below the minimum"):
        env_int("AS_TEST_N", 3, minimum=1)


def test_env_list_drops_blanks(monkeypatch):
    monkeypatch.setenv("AS_TEST_LIST", " a.example, ,b.example,")
    assert env_list("AS_TEST_LIST") == ["a.example", "b.example"]
    monkeypatch.delenv("AS_TEST_LIST")
    assert env_list("AS_TEST_LIST", ["x"]) == ["x"]
