// The people of the server (clinic.md): `unload people list` and `unload people add NAME`, for the
// host operator. The record commands reach one of them with `--person ID`.

#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "core/calendar.hpp"
#include "service/people.hpp"

namespace unload::cli {

namespace {

nlohmann::json person_document(const core::PersonEntry& person) {
    return {{"id", person.id},
            {"name", person.name},
            {"created_at", core::iso_timestamp(person.created_at)}};
}

/// How a person is shown: their name, or what stands in for none.
std::string shown_name(const core::PersonEntry& person) {
    return person.name.empty() ? "(no name)" : person.name;
}

} // namespace

core::Result<void> run_people_list(Context& ctx) {
    const auto res = TRY(ctx.resources());
    const auto everyone = TRY(service::people(res, ctx.caller));
    if (ctx.json()) {
        auto list = nlohmann::json::array();
        for (const auto& person : everyone)
            list.push_back(person_document(person));
        print_json({{"people", list}});
        return {};
    }
    if (everyone.empty()) {
        std::cout << "Nobody yet. `unload people add NAME` adds someone; in personal mode the "
                     "first record command adds you.\n";
        return {};
    }
    std::cout << fmt::format("{:>6}  {:<40}  {}\n", "ID", "NAME", "SINCE");
    for (const auto& person : everyone)
        std::cout << fmt::format("{:>6}  {:<40}  {}\n", person.id, shown_name(person),
                                 core::iso_day(ctx.clock->day_of(person.created_at)));
    std::cout << "\nThe record commands act on one of them with --person ID, e.g. `unload "
                 "--person "
              << everyone.front().id << " progress`.\n";
    return {};
}

core::Result<void> run_people_add(Context& ctx, const std::string& name) {
    const auto res = TRY(ctx.resources());
    const auto person = TRY(service::add_person(res, ctx.caller, name));
    if (ctx.json()) {
        print_json({{"person", person_document(person)}});
        return {};
    }
    std::cout << fmt::format("Added {} as person {}. Start their program with `unload --person {} "
                             "start --intake FILE`.\n",
                             person.name, person.id, person.id);
    return {};
}

} // namespace unload::cli
