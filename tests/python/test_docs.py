"""Code in the docs must be the code the tests build, so that it cannot drift."""

from conftest import ROOT


def test_cpp_guide_quotes_the_consumer_program():
    guide = (ROOT / "docs" / "min-cost-flow.md").read_text()
    program = (ROOT / "tests" / "consumer" / "main.cpp").read_text()
    block = guide.split("```cpp\n", 1)[1].split("```", 1)[0]
    assert block == program
