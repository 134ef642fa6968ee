// A practice problem (format version 1, see README "Problem files") and its
// loader. Loading validates everything and names file:line:column and the
// field in every error; unknown keys become warnings, not errors.
#pragma once

#include "value.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace hired::practice {

namespace fs = std::filesystem;

enum class Difficulty { easy, medium, hard };
enum class CheckerKind { exact, lines, tokens, real, unordered_lines, program };

const char* to_string(Difficulty d);
const char* to_string(CheckerKind c);
std::optional<Difficulty> parse_difficulty(std::string_view s);

// The interview form (style: function | class): the user writes a function
// or a class, and hired's harness calls it (practice/harness.hpp).
enum class ProblemStyle { stdin_, function, class_ };
const char* to_string(ProblemStyle s);

struct Param {
    std::string name;
    Type type;
};

struct Method {
    std::string name; // snake_case as the problem file writes it
    std::vector<Param> params;
    Type returns{Type::Base::void_, 0};
};

struct Signature {
    // style function: one function
    Method function;
    // style class: the class, its constructor's parameters, its methods
    std::string class_name;
    std::vector<Param> constructor;
    std::vector<Method> methods;
};

// One call of a class problem's case: the constructor (method -1) or a method.
struct Call {
    int method = -1;
    std::vector<Value> args;
};

// A function or class case: its arguments (function) or calls (class), and
// the expected result (function) or one result per call (class; null for the
// constructor and void methods). From the file inline, or from JSON files.
struct CallCase {
    std::vector<Value> args;
    std::vector<Call> calls;
    Value expect;
};

struct TestCase {
    std::string name;
    bool example = false;
    std::string input;                // inline input, when input_file is empty
    std::string output;               // inline expected output
    fs::path input_file, output_file; // resolved, inside the problem's folder
    std::string hint;                 // shown when this case fails
    std::string explain;              // examples: why the answer is right
    CallCase call;                    // function and class problems, inline
    fs::path args_file, expect_file;  // function and class problems, JSON files

    std::string load_input() const; // reads input_file when set
    std::string load_output() const;
};

struct Limits {
    int time_ms = 2000;
    int memory_mb = 256;
    int output_kb = 65536;
};

struct Warning {
    int line = 0, column = 0;
    std::string message;
};

struct Problem {
    fs::path file; // the .yaml it came from
    std::string id, title;
    ProblemStyle style = ProblemStyle::stdin_;
    Signature signature; // function and class problems
    Compare compare = Compare::exact;
    Difficulty difficulty = Difficulty::easy;
    std::vector<std::string> tags;
    int minutes = 20;
    std::string statement, input_format, output_format;
    std::vector<std::string> constraints, hints;
    std::string complexity_time, complexity_space;
    Limits limits;
    CheckerKind checker = CheckerKind::tokens;
    double tolerance = 1e-6;
    fs::path checker_program;
    std::vector<TestCase> examples, tests;
    std::vector<fs::path> solutions;
    std::map<std::string, std::string> templates; // language -> starter code
    std::vector<Warning> warnings;

    // Examples first, then the hidden tests: the order cases run in.
    std::vector<const TestCase*> all_cases() const;
    fs::path folder() const { return file.parent_path(); }
};

// Loads and validates one problem file. Throws Error(Exit::data).
Problem load_problem(const fs::path& file);

// A case of a function or class problem with its JSON files read and
// checked against the signature; Error(data) naming the file and the
// value's path.
CallCase load_call_case(const Problem& p, const TestCase& c);

} // namespace hired::practice
