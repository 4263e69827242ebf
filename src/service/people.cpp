#include "service/people.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "service/checks.hpp"

namespace unload::service {

namespace {

core::Result<void> check_host_operator(const core::Actor& actor) {
    if (actor.kind != core::Actor::Kind::HostOperator)
        return core::fail(core::ErrorCode::Forbidden, "role",
                          "only the host operator manages people until accounts exist");
    return {};
}

core::Result<std::string> clean_name(std::string_view name) {
    const auto first = name.find_first_not_of(' ');
    const auto last = name.find_last_not_of(' ');
    const auto trimmed =
        first == std::string_view::npos ? std::string_view{} : name.substr(first, last - first + 1);
    if (trimmed.empty())
        return invalid("name", "give the person a name");
    if (trimmed.size() > max_person_name)
        return invalid("name", fmt::format("too long: at most {} bytes", max_person_name));
    if (std::ranges::any_of(
            trimmed, [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; }))
        return invalid("name", "no tabs, line breaks or other control characters");
    TRY(check_utf8(trimmed, "name"));
    return std::string(trimmed);
}

} // namespace

core::Result<std::vector<core::PersonEntry>> people(const Resources& res,
                                                    const core::Actor& actor) {
    TRY(check_host_operator(actor));
    return res.storage.directory().people();
}

core::Result<core::PersonEntry> add_person(const Resources& res, const core::Actor& actor,
                                           std::string_view name) {
    TRY(check_host_operator(actor));
    core::PersonEntry person{.id = 0, .name = TRY(clean_name(name)), .created_at = res.clock.now()};
    person.id = TRY(res.storage.directory().add_person(person.name, person.created_at));
    return person;
}

} // namespace unload::service
