// donorflow/io/source_error.hpp: an error that names the file and line it was found at.
#pragma once

#include <stdexcept>
#include <string>

namespace donorflow {

// The message starts with "SOURCE:LINE: "; line() is 0 when the file could not be read at all.
class SourceError : public std::runtime_error {
 public:
  SourceError(const std::string& source, long line, const std::string& what)
      : std::runtime_error(source + ":" + std::to_string(line) + ": " + what), line_(line) {}
  long line() const { return line_; }

 private:
  long line_;
};

}  // namespace donorflow
