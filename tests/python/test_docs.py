"""Code in the docs must be the code the tests build, so that it cannot drift."""

from conftest import ROOT


def test_cpp_guide_quotes_the_consumer_program():
    guide = (ROOT / "docs" / "min-cost-flow.md").read_text()
    program = (ROOT / "tests" / "consumer" / "main.cpp").read_text()
    block = guide.split("```cpp\n", 1)[1].split("```", 1)[0]
    assert block == program


def test_python_guide_runs(tmp_path, monkeypatch):
    """Every ```python block of docs/python.md, in order, in one namespace."""
    guide = (ROOT / "docs" / "python.md").read_text()
    blocks = [part.split("```", 1)[0] for part in guide.split("```python\n")[1:]]
    assert len(blocks) >= 5
    monkeypatch.chdir(tmp_path)
    namespace = {}
    for block in blocks:
        exec(compile(block, "docs/python.md", "exec"), namespace)
