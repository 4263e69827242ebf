// Your data: `unload export` (everything, as JSON or CSV files) and `unload forget` (everything
// deleted, after asking).

#include <filesystem>
#include <fstream>
#include <iostream>

#include <fmt/format.h>
#include <unistd.h>

#include "cli/commands.hpp"
#include "cli/player.hpp"
#include "cli/render_records.hpp"
#include "core/calendar.hpp"
#include "json/records.hpp"
#include "service/data.hpp"

namespace unload::cli {

namespace {

namespace fs = std::filesystem;

/// One CSV file per table, each with a header row; nested lists go to their own files.
std::vector<std::pair<std::string, std::string>> csv_files(const core::WholeRecord& all) {
    const auto row = [](std::initializer_list<std::string> fields) {
        std::string line;
        for (const auto& field : fields)
            line += (line.empty() ? "" : ",") + csv_field(field);
        return line + "\r\n";
    };
    const auto optional = [](const std::optional<int>& value) {
        return value ? std::to_string(*value) : std::string();
    };
    std::string intakes = row({"id", "at", "intake"});
    for (const auto& intake : all.intakes)
        intakes +=
            row({std::to_string(intake.id), core::iso_timestamp(intake.at), intake.document});
    std::string programs =
        row({"id", "intake", "created_at", "starts_on", "week", "stage", "origin"});
    for (const auto& version : all.programs)
        programs += row({std::to_string(version.id), std::to_string(version.intake_id),
                         core::iso_timestamp(version.created_at), core::iso_day(version.starts_on),
                         std::to_string(version.week), version.stage, version.origin});
    std::string sessions = row({"id", "program_version", "started_at", "day", "planned_ms",
                                "active_ms", "outcome", "pain_before", "pain_after", "flare"});
    std::string steps = row({"session", "index", "kind", "exercise", "side", "planned_ms",
                             "started_ms", "ended_ms", "result"});
    std::string events = row({"session", "at_ms", "kind", "exercise", "reason", "detail"});
    for (const auto& session : all.sessions) {
        const auto id = std::to_string(session.id);
        sessions +=
            row({id, std::to_string(session.program_version_id),
                 core::iso_timestamp(session.started_at), core::iso_day(session.day),
                 std::to_string(session.planned_ms), std::to_string(session.active_ms),
                 std::string(core::to_string(session.outcome)), optional(session.pain_before),
                 optional(session.pain_after), session.flare ? "true" : "false"});
        for (const auto& step : session.steps)
            steps +=
                row({id, std::to_string(step.index), step.kind, step.item, step.side,
                     std::to_string(step.planned_ms), std::to_string(step.started_ms),
                     std::to_string(step.ended_ms), std::string(core::to_string(step.result))});
        for (const auto& event : session.events)
            events +=
                row({id, std::to_string(event.at_ms), std::string(core::to_string(event.kind)),
                     event.item, event.reason, event.detail});
    }
    std::string pain = row({"id", "at", "day", "pain", "note"});
    for (const auto& entry : all.pain)
        pain += row({std::to_string(entry.id), core::iso_timestamp(entry.at),
                     core::iso_day(entry.day), std::to_string(entry.pain), entry.note});
    std::string scores = row({"id", "at", "day", "instrument", "value", "band", "answers"});
    for (const auto& score : all.scores)
        scores +=
            row({std::to_string(score.id), core::iso_timestamp(score.at), core::iso_day(score.day),
                 score.instrument, fmt::format("{}", score.value), score.band, score.answers});
    std::string reviews =
        row({"id", "at", "day", "week", "decision", "from_stage", "to_stage", "because", "advice"});
    for (const auto& review : all.reviews) {
        std::string because;
        for (const auto& reason : review.because)
            because += (because.empty() ? "" : " ") + reason.id;
        std::string advice;
        for (const auto& id : review.advice)
            advice += (advice.empty() ? "" : " ") + id;
        reviews += row({std::to_string(review.id), core::iso_timestamp(review.at),
                        core::iso_day(review.day), std::to_string(review.week),
                        std::string(core::to_string(review.decision)), review.from_stage,
                        review.to_stage, because, advice});
    }
    return {{"intakes.csv", intakes}, {"programs.csv", programs}, {"sessions.csv", sessions},
            {"steps.csv", steps},     {"events.csv", events},     {"pain.csv", pain},
            {"scores.csv", scores},   {"reviews.csv", reviews}};
}

} // namespace

core::Result<void> run_export(Context& ctx, const std::string& out) {
    const auto ws = TRY(ctx.workspace());
    const auto all = TRY(service::everything(ws));
    if (ctx.options.output() == Format::Csv) {
        if (out.empty())
            return invalid("--out", "CSV export writes one file per table: give a directory, "
                                    "e.g. --out unload-export");
        std::error_code ec;
        const bool created = fs::create_directories(out, ec);
        if (ec)
            return core::fail(core::ErrorCode::Io, "--out",
                              fmt::format("cannot create '{}': {}", out, ec.message()));
        if (created) // A folder made for the export is the owner's alone, like its files.
            fs::permissions(out, fs::perms::owner_all, fs::perm_options::replace, ec);
        const auto files = csv_files(all);
        for (const auto& [name, text] : files)
            TRY(write_private_file(fs::path(out) / name, text, "--out"));
        std::cout << fmt::format("Wrote {} CSV files to {}.\n", files.size(), out);
        return {};
    }
    const auto document =
        json::export_document(all).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) +
        "\n";
    if (out.empty()) {
        std::cout << document;
        return {};
    }
    TRY(write_private_file(out, document, "--out"));
    if (!ctx.json())
        std::cout << fmt::format("Wrote everything Unload keeps about you to {}.\n", out);
    return {};
}

core::Result<void> run_forget(Context& ctx, bool yes) {
    const auto ws = TRY(ctx.workspace());
    if (!yes) {
        if (isatty(STDIN_FILENO) != 1)
            return invalid("--yes", "forget deletes everything and asks first; without a "
                                    "terminal, confirm with --yes");
        const auto whose = ctx.options.person
                               ? fmt::format("person {}'s record", *ctx.options.person)
                               : std::string("everything Unload keeps about you");
        std::cout << fmt::format("This deletes {}: intakes, programs, sessions, pain diary, "
                                 "scores, reviews and reminder settings. `unload export` saves a "
                                 "copy first.\n",
                                 whose);
        const auto answer = ask_yes_no("Delete it all now?");
        if (!answer || !*answer) {
            std::cout << "Nothing was deleted.\n";
            return {};
        }
    }
    TRY(service::forget(ws));
    if (ctx.json())
        print_json({{"forgotten", true}});
    else
        std::cout << "Done: everything is deleted.\n";
    return {};
}

} // namespace unload::cli
