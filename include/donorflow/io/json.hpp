// donorflow/io/json.hpp: a small JSON reader that remembers where every value stood.
//
// Scenario files are JSON, and an analyst who mistypes one deserves an error that names the file
// and the line, and, once the value is read, the table, the row and the field. This reader keeps
// the line of every value so that later validation can point back into the file. It accepts
// standard JSON (RFC 8259): objects keep their key order, numbers are read as double (exact for
// integers up to 2^53), strings are UTF-8 with escapes decoded. Errors throw JsonError with
// "SOURCE:LINE: message".
//
// `JsonWriter` is the matching writer: it escapes strings and prints numbers so that a double
// reads back to the same value.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "donorflow/detail/config.hpp"
#include "donorflow/io/source_error.hpp"

namespace donorflow::json {

class JsonError : public SourceError {
 public:
  using SourceError::SourceError;
};

enum class Type { kNull, kBool, kNumber, kString, kArray, kObject };

std::string_view type_name(Type type);

class Value {
 public:
  Type type = Type::kNull;
  long line = 0;
  bool boolean = false;
  double number = 0;
  std::string string;
  std::vector<Value> array;
  std::vector<std::pair<std::string, Value>> object;  // in file order

  bool is_null() const { return type == Type::kNull; }
  // The member named `key`, or nullptr.
  const Value* find(std::string_view key) const {
    for (const auto& [name, value] : object) {
      if (name == key) return &value;
    }
    return nullptr;
  }
};

// Parses `text`; `source` names it in errors.
Value parse(std::string_view text, const std::string& source = "<input>");
Value parse_file(const std::string& path);

// Builds JSON text. Objects and arrays are opened and closed explicitly; commas are automatic.
class JsonWriter {
 public:
  explicit JsonWriter(bool pretty = true) : pretty_(pretty) {}

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view name);
  JsonWriter& value(std::string_view text);
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(double number);
  JsonWriter& value(std::int64_t number);
  JsonWriter& value(int number) { return value(static_cast<std::int64_t>(number)); }
  JsonWriter& value(bool flag);
  JsonWriter& null();
  // A number written as-is (for 128-bit integers): must already be valid JSON.
  JsonWriter& raw(std::string_view text);

  const std::string& str() const { return out_; }

 private:
  void separate();
  void newline();

  bool pretty_;
  std::string out_;
  std::vector<bool> first_;  // per open container: nothing written in it yet
  bool after_key_ = false;
};

std::string escape(std::string_view text);

}  // namespace donorflow::json

#ifdef DONORFLOW_HEADER_ONLY
#include "donorflow/io/json.ipp"
#endif
