// Values of function and class problems: types, values from YAML (with
// file:line:column) and JSON, the wire format (round trip on random values),
// each compare mode, and values shown abbreviated.
#include "practice/value.hpp"
#include "util/error.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <random>

using namespace hired::practice;
using hired::Error;
using hired::Exit;

namespace {

Type type(const char* s) {
    auto t = parse_type(s);
    REQUIRE(t);
    return *t;
}

Value from_yaml(const std::string& text, const char* t) {
    auto doc = hired::yaml::parse(text, "p.yaml");
    return value_from_yaml(*doc, type(t), "p.yaml", "argument 'x'");
}

std::string yaml_error(const std::string& text, const char* t) {
    try {
        from_yaml(text, t);
    } catch (const Error& e) {
        CHECK(e.code() == Exit::data);
        return e.what();
    }
    return "(no error)";
}

std::string json_error(const char* text, const char* t) {
    try {
        value_from_json(nlohmann::json::parse(text), type(t), "p/large.json", "nums");
    } catch (const Error& e) {
        CHECK(e.code() == Exit::data);
        return e.what();
    }
    return "(no error)";
}

Value round_trip(const Value& v, const Type& t) {
    std::string wire;
    encode(v, t, wire);
    size_t pos = 0;
    std::string why;
    auto back = decode(wire, pos, t, why);
    INFO(wire << " " << why);
    REQUIRE(back);
    CHECK(pos == wire.size());
    return *back;
}

} // namespace

TEST_CASE("types as problem files write them") {
    CHECK(type("int").str() == "int");
    CHECK(type("int[][]").depth == 2);
    CHECK(type("string[]").str() == "string[]");
    CHECK(type(" ListNode ").base == Type::Base::list_node);
    CHECK(type("TreeNode[]").str() == "TreeNode[]");
    CHECK(type("long").base == Type::Base::int64);
    for (const char* bad : {"", "integer", "int[", "void[]", "List<int>", "int []x", "[]"})
        CHECK_FALSE(parse_type(bad));
}

TEST_CASE("values from the problem file, with file:line:column") {
    CHECK(from_yaml("[2, 7, -11]\n", "int[]") == Value({2, 7, -11}));
    CHECK(from_yaml("[[1, 2], []]\n", "int[][]") == Value::parse("[[1,2],[]]"));
    CHECK(from_yaml("hello\n", "string") == "hello");
    CHECK(from_yaml("\"42\"\n", "string") == "42");
    CHECK(from_yaml("2.5\n", "double") == 2.5);
    CHECK(from_yaml("3\n", "double") == 3.0);
    CHECK(from_yaml("true\n", "bool") == true);
    CHECK(from_yaml("9007199254740993\n", "long") == Value(int64_t{9007199254740993}));
    CHECK(from_yaml("[1, null, 2, null, null]\n", "TreeNode") == Value::parse("[1,null,2]"));
    CHECK(from_yaml("[]\n", "ListNode") == Value::array());
    CHECK(from_yaml("[3, 1]\n", "ListNode") == Value({3, 1}));

    CHECK(yaml_error("x: 1\n", "int")
              .starts_with("p.yaml:1:1: argument 'x': expected an int, got a map"));
    CHECK(yaml_error("[1, 2.5]\n", "int[]") ==
          "p.yaml:1:5: argument 'x'[1]: expected an int, got '2.5'");
    CHECK(yaml_error("[1, 3000000000]\n", "int[]")
              .starts_with("p.yaml:1:5: argument 'x'[1]: 3000000000 does not fit an int (32-bit"));
    CHECK(yaml_error("99999999999999999999\n", "long")
              .starts_with("p.yaml:1:1: argument 'x': 99999999999999999999 does not fit a long"));
    CHECK(yaml_error("\"5\"\n", "int").find("expected an int") != std::string::npos);
    CHECK(yaml_error("yes\n", "bool").find("expected true or false") != std::string::npos);
    CHECK(yaml_error("[1, 2]\n", "int").find("expected an int, got a list") != std::string::npos);
    CHECK(yaml_error("5\n", "int[]").find("expected a list (int[])") != std::string::npos);
    CHECK(
        yaml_error("[null, 1]\n", "TreeNode").starts_with("p.yaml:1:8: argument 'x': not a tree"));
    CHECK(yaml_error("[1, null, null, 2]\n", "TreeNode").starts_with("p.yaml:1:17: "));
    CHECK(yaml_error("[1, x]\n", "ListNode")
              .starts_with("p.yaml:1:5: argument 'x'[1]: expected an int"));
    CHECK(yaml_error("~\n", "string").find("expected a string, got nothing") != std::string::npos);
    CHECK(yaml_error("1e400\n", "double").find("expected a number") != std::string::npos);
}

TEST_CASE("values from a JSON file name the value's path") {
    CHECK(json_error("[1, 2, 3.5]", "int[]") == "p/large.json: nums[2]: expected an int, got 3.5");
    CHECK(json_error("[1, 4294967296]", "int[]")
              .starts_with("p/large.json: nums[1]: 4294967296 does not fit an int"));
    CHECK(json_error("{\"a\": 1}", "int[]") ==
          "p/large.json: nums: expected a list (int[]), got an object");
    CHECK(json_error("[1, null, null, 3]", "TreeNode") ==
          "p/large.json: nums[3]: not a tree in level order: this item has no parent");
    CHECK(json_error("18446744073709551615", "long").find("does not fit a long") !=
          std::string::npos);
    CHECK(value_from_json(nlohmann::json::parse("[\"a\", \"ü\"]"), type("string[]"), "f", "x") ==
          Value({"a", "ü"}));
}

TEST_CASE("the wire format reads back every value exactly") {
    CHECK(round_trip(Value("with spaces\nand: 5:x ~ lines"), type("string")) ==
          "with spaces\nand: 5:x ~ lines");
    CHECK(round_trip(Value(""), type("string")) == "");
    CHECK(round_trip(Value::parse("[1,null,2,null,3]"), type("TreeNode")) ==
          Value::parse("[1,null,2,null,3]"));
    CHECK(round_trip(Value(nullptr), type("int[]")).is_null());
    CHECK(round_trip(Value(0.1), type("double")) == 0.1);
    CHECK(std::isinf(
        round_trip(Value(std::numeric_limits<double>::infinity()), type("double")).get<double>()));

    std::mt19937 rng(7);
    auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
    std::function<Value(const Type&)> random_value = [&](const Type& t) -> Value {
        if (t.is_array()) {
            Value a = Value::array();
            for (int i = 0, n = pick(5); i < n; ++i)
                a.push_back(random_value(t.element()));
            return a;
        }
        switch (t.base) {
        case Type::Base::int32:
            return Value(static_cast<int32_t>(rng()));
        case Type::Base::int64:
            return Value(static_cast<int64_t>(rng()) << 31 | rng());
        case Type::Base::real:
            return Value(std::ldexp(static_cast<double>(rng()), pick(200) - 100));
        case Type::Base::boolean:
            return Value(pick(2) == 1);
        case Type::Base::string: {
            std::string s;
            for (int i = 0, n = pick(12); i < n; ++i)
                s += " :~\n\t0a\xc3\xbc"[pick(9)];
            return Value(s);
        }
        case Type::Base::list_node: {
            Value a = Value::array();
            for (int i = 0, n = pick(6); i < n; ++i)
                a.push_back(static_cast<int32_t>(rng()));
            return a;
        }
        case Type::Base::tree_node: {
            Value a = Value::array();
            int places = 1;
            for (int i = 0, n = pick(10); i < n && places > 0; ++i) {
                --places;
                if (i > 0 && pick(3) == 0) {
                    a.push_back(nullptr);
                } else {
                    a.push_back(pick(100));
                    places += 2;
                }
            }
            while (!a.empty() && a.back().is_null())
                a.erase(a.size() - 1);
            return a;
        }
        default:
            return Value(nullptr);
        }
    };
    const char* types[] = {"int",      "long",  "double",     "bool",     "string",     "ListNode",
                           "TreeNode", "int[]", "string[][]", "double[]", "TreeNode[]", "bool[][]"};
    for (int round = 0; round < 3000; ++round) {
        Type t = type(types[round % std::size(types)]);
        Value v = random_value(t);
        CHECK(round_trip(v, t) == v);
    }
    // A harness that wrote something else is caught, never misread.
    for (std::string bad : {"", "x ", "3 1 2 ", "5:abc ", "-1 ", "2:ab", "t", "1e999999x "}) {
        size_t pos = 0;
        std::string why;
        CHECK_FALSE(decode(bad, pos, type("int[]"), why));
    }
}

TEST_CASE("compare: exact, unordered, unordered-deep, float") {
    std::string where;
    CHECK(values_equal(Value({0, 1}), Value({0, 1}), Compare::exact, 1e-6));
    CHECK_FALSE(values_equal(Value({0, 1}), Value({1, 0}), Compare::exact, 1e-6, &where));
    CHECK(where == "[0]: expected 0, got 1");
    CHECK_FALSE(values_equal(Value({0, 1}), Value({0, 1, 2}), Compare::exact, 1e-6, &where));
    CHECK(where == "expected 2 items, got 3");
    CHECK(values_equal(Value::parse("[[1,2],[3]]"), Value::parse("[[3],[1,2]]"), Compare::unordered,
                       0));
    CHECK_FALSE(values_equal(Value::parse("[[1,2],[3]]"), Value::parse("[[3],[2,1]]"),
                             Compare::unordered, 0));
    CHECK(values_equal(Value::parse("[[1,2],[3]]"), Value::parse("[[3],[2,1]]"),
                       Compare::unordered_deep, 0));
    CHECK_FALSE(values_equal(Value::parse("[1,1,2]"), Value::parse("[1,2,2]"), Compare::unordered,
                             0, &where));
    CHECK(where.starts_with("(in any order)"));
    CHECK(values_equal(Value(1.0), Value(1.0000001), Compare::real, 1e-6));
    CHECK(values_equal(Value(1e9), Value(1e9 + 1), Compare::real, 1e-6)); // relative
    CHECK_FALSE(values_equal(Value(1.0), Value(1.01), Compare::real, 1e-6, &where));
    CHECK_FALSE(values_equal(Value(1.0), Value(1.0000001), Compare::exact, 1e-6));
    CHECK_FALSE(values_equal(Value(std::nan("")), Value(std::nan("")), Compare::real, 1e-6));
    CHECK_FALSE(values_equal(Value("a"), Value(nullptr), Compare::exact, 0, &where));
    CHECK(where == "expected \"a\", got null");
}

TEST_CASE("values are shown abbreviated") {
    Value big = Value::array();
    for (int i = 0; i < 1000; ++i)
        big.push_back(i);
    std::string s = show(big, 40);
    CHECK(s.starts_with("[0, 1, 2, "));
    CHECK(s.ends_with(", … (1000 items)]"));
    CHECK(s.size() < 70);
    CHECK(show(Value("ü")) == "\"ü\"");
    CHECK(show(Value::parse("[1,null,2]")) == "[1, null, 2]");
}
