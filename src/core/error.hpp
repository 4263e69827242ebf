#pragma once

#include <expected>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace unload::core {

/// What kind of failure an Error is. The CLI and HTTP layers map these to exit codes and statuses,
/// each in exactly one place.
enum class ErrorCode {
    InvalidInput =
        1, ///< The user's input (an intake, answers, arguments) is malformed or out of range.
    InvalidContent = 2, ///< A content file breaks the content schema.
    NotFound = 3,       ///< A named thing (an exercise id, a file) does not exist.
    Io = 4,             ///< Reading or writing outside the program failed.
    Internal = 5,       ///< A bug: something the program itself should have prevented.
    Conflict = 6,       ///< Valid input the record's state refuses now (a review before it is due).
    TooLarge = 7,       ///< Input over a size limit (a request body over 1 MiB).
    Unauthenticated = 8, ///< Nobody the service knows asks: not signed in, or a wrong token.
    Forbidden = 9,       ///< The caller's role may never do this (an admin reading a record).
    Throttled = 10,      ///< Too many failed sign-ins: wait before trying again.
};

/// An expected failure, carried as a value. `field` names the offending input by path
/// (`symptoms.pain_now`); for content, `file` and `line` say where.
struct Error {
    ErrorCode code = ErrorCode::Internal;
    std::string field;
    std::string message;
    std::string file;
    int line = 0;

    /// One line for a person: `file:line: field: message`, leaving out the parts that are empty.
    std::string to_string() const;
};

/// The code's name in error documents and the audit trail: `invalid_input`, `not_found`, ...
std::string_view code_name(ErrorCode code);

template <class T>
using Result = std::expected<T, Error>;

/// A list of errors, for checks that report everything they find rather than stopping at the first.
using Errors = std::vector<Error>;

inline std::unexpected<Error> fail(ErrorCode code, std::string field, std::string message) {
    return std::unexpected(Error{.code = code,
                                 .field = std::move(field),
                                 .message = std::move(message),
                                 .file = {},
                                 .line = 0});
}

} // namespace unload::core

/// Evaluates an expression yielding std::expected; on failure returns its error from the enclosing
/// function, otherwise yields the value. Uses a GCC/Clang statement expression, as SerenityOS does.
#define TRY(expression)                                                                            \
    __extension__({                                                                                \
        auto&& try_result_ = (expression);                                                         \
        if (!try_result_)                                                                          \
            return std::unexpected(std::move(try_result_).error());                                \
        std::move(try_result_).value();                                                            \
    })
