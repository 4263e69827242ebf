#include "core/error.hpp"

namespace unload::core {

std::string Error::to_string() const {
    std::string out;
    if (!file.empty()) {
        out += file;
        if (line > 0)
            out.append(":").append(std::to_string(line));
        out += ": ";
    }
    if (!field.empty())
        out += field + ": ";
    out += message;
    return out;
}

std::string_view code_name(ErrorCode code) {
    switch (code) {
    case ErrorCode::InvalidInput:
        return "invalid_input";
    case ErrorCode::InvalidContent:
        return "invalid_content";
    case ErrorCode::NotFound:
        return "not_found";
    case ErrorCode::Io:
        return "io_error";
    case ErrorCode::Internal:
        return "internal_error";
    case ErrorCode::Conflict:
        return "conflict";
    case ErrorCode::TooLarge:
        return "too_large";
    case ErrorCode::Unauthenticated:
        return "unauthorized";
    case ErrorCode::Forbidden:
        return "forbidden";
    case ErrorCode::Throttled:
        return "too_many_requests";
    }
    return "internal_error";
}

} // namespace unload::core
