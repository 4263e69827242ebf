#include "content/instruments_loader.hpp"

#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <toml++/toml.h>

namespace unload::content {

namespace {

// Generous upper limits for counts read from content, so a typo such as `sections = 100000`
// is caught rather than believed.
constexpr int max_questions = 100;
constexpr int max_section_score = 100;

void read_sources(TableReader& reader, std::vector<SourceRef>& sources) {
    for (auto& source : reader.string_or_strings("source", Required::Yes)) {
        sources.push_back(SourceRef{.id = std::move(source.value),
                                    .file = reader.file(),
                                    .field = reader.path_of("source"),
                                    .line = source.line});
    }
}

/// Reads `[mcid]`. `scale` is the width of the instrument's scale: a minimal important change
/// larger than the whole scale could never be reached.
core::Mcid read_mcid(TableReader& parent, double scale, std::vector<SourceRef>& sources) {
    core::Mcid mcid;
    auto reader = parent.table("mcid", Required::Yes);
    if (!reader)
        return mcid;
    if (const auto points = reader->number("points", Required::Yes)) {
        // Zero points would make every unchanged score a response.
        if (*points <= 0 || *points > scale)
            reader->error("points",
                          fmt::format("expected above 0 and at most {}, got {}", scale, *points));
        else
            mcid.points = *points;
    }
    if (const auto percent = reader->number("percent", Required::No)) {
        if (*percent < 0 || *percent > 100)
            reader->error("percent", fmt::format("expected 0..100, got {}", *percent));
        else
            mcid.percent = *percent;
    }
    read_sources(*reader, sources);
    reader->finish();
    return mcid;
}

/// Reads `title` and `instructions`, and with `YesNo::Yes` the `yes` and `no` answer labels.
enum class YesNo { Yes, No };
core::FormWords read_form_words(TableReader& root, YesNo yes_no) {
    core::FormWords words{.title = root.string("title", Required::Yes).value_or(""),
                          .instructions = root.string("instructions", Required::Yes).value_or(""),
                          .yes = {},
                          .no = {}};
    if (yes_no == YesNo::Yes) {
        words.yes = root.string("yes", Required::Yes).value_or("");
        words.no = root.string("no", Required::Yes).value_or("");
    }
    return words;
}

/// Reads `bands`: each `{ id, at_most }`, in strictly rising order, the last reaching `top`.
std::vector<core::Band> read_bands(TableReader& parent, double top) {
    std::vector<core::Band> bands;
    auto readers = parent.tables("bands");
    if (readers.empty()) {
        parent.error("bands", "missing; expected at least one band { id, at_most }");
        return bands;
    }
    std::set<std::string, std::less<>> ids;
    for (auto& reader : readers) {
        core::Band band;
        if (auto id = reader.string("id", Required::Yes)) {
            if (!ids.insert(*id).second)
                reader.error("id", fmt::format("duplicate band id \"{}\"", *id));
            band.id = std::move(*id);
        }
        if (const auto at_most = reader.number("at_most", Required::Yes)) {
            band.at_most = *at_most;
            if (*at_most < 0 || *at_most > top) {
                reader.error("at_most", fmt::format("expected 0..{}, got {}", top, *at_most));
            } else if (!bands.empty() && *at_most <= bands.back().at_most) {
                reader.error("at_most",
                             fmt::format("bands must be in rising order: {} is not above {} of "
                                         "band \"{}\"",
                                         *at_most, bands.back().at_most, bands.back().id));
            }
        }
        reader.finish();
        bands.push_back(std::move(band));
    }
    if (bands.back().at_most < top) {
        readers.back().error("at_most", fmt::format("the last band must reach the top of the "
                                                    "scale, {}, so that every score has a band",
                                                    top));
    }
    return bands;
}

/// Reads the `[[question]]` tables' `id` and `text`, checking their number and that ids are
/// unique; the caller reads whatever else each instrument's questions carry, then finishes them.
std::vector<core::Question> read_questions(TableReader& parent, std::vector<TableReader>& readers,
                                           int expected, std::string_view counted_as) {
    readers = parent.tables("question");
    if (std::cmp_not_equal(readers.size(), expected)) {
        parent.error("question", fmt::format("expected {} [[question]] tables ({}), got {}",
                                             expected, counted_as, readers.size()));
    }
    std::vector<core::Question> questions;
    std::set<std::string, std::less<>> ids;
    for (auto& reader : readers) {
        core::Question question;
        if (auto id = reader.string("id", Required::Yes)) {
            if (!ids.insert(*id).second)
                reader.error("id", fmt::format("duplicate question id \"{}\"", *id));
            question.id = std::move(*id);
        }
        question.text = reader.string("text", Required::Yes).value_or("");
        questions.push_back(std::move(question));
    }
    return questions;
}

core::OdiSpec read_odi(TableReader& root, std::vector<SourceRef>& sources) {
    core::OdiSpec spec;
    read_sources(root, sources);
    spec.sections =
        root.integer("sections", Required::Yes, 1, max_questions).value_or(spec.sections);
    spec.section_max =
        root.integer("section_max", Required::Yes, 1, max_section_score).value_or(spec.section_max);
    spec.min_answered =
        root.integer("min_answered", Required::Yes, 1, spec.sections).value_or(spec.min_answered);
    spec.form = read_form_words(root, YesNo::No);
    spec.bands = read_bands(root, 100);
    spec.mcid = read_mcid(root, 100, sources);

    std::vector<TableReader> readers;
    spec.questions = read_questions(root, readers, spec.sections, "one per section");
    for (std::size_t i = 0; i < readers.size(); ++i) {
        auto& reader = readers[i];
        for (auto& option : reader.strings("options", Required::Yes))
            spec.questions[i].options.push_back(std::move(option.value));
        if (std::cmp_not_equal(spec.questions[i].options.size(), spec.section_max + 1)) {
            reader.error("options", fmt::format("expected {} options, scored 0..{}, got {}",
                                                spec.section_max + 1, spec.section_max,
                                                spec.questions[i].options.size()));
        }
        reader.finish();
    }
    return spec;
}

core::RmdqSpec read_rmdq(TableReader& root, std::vector<SourceRef>& sources) {
    core::RmdqSpec spec;
    read_sources(root, sources);
    spec.items = root.integer("items", Required::Yes, 1, max_questions).value_or(spec.items);
    spec.form = read_form_words(root, YesNo::Yes);
    spec.mcid = read_mcid(root, spec.items, sources);

    std::vector<TableReader> readers;
    spec.questions = read_questions(root, readers, spec.items, "one per yes/no statement");
    for (auto& reader : readers)
        reader.finish();
    return spec;
}

core::StartBackSpec read_startback(TableReader& root, std::vector<SourceRef>& sources) {
    core::StartBackSpec spec;
    read_sources(root, sources);
    spec.agree_items =
        root.integer("agree_items", Required::Yes, 1, max_questions - 1).value_or(spec.agree_items);
    spec.form = read_form_words(root, YesNo::Yes);
    const int item_count = spec.agree_items + 1;

    std::vector<TableReader> readers;
    spec.questions = read_questions(root, readers, item_count,
                                    fmt::format("{} agree/disagree items and the bothersomeness "
                                                "item",
                                                spec.agree_items));
    for (std::size_t i = 0; i < readers.size(); ++i) {
        auto& reader = readers[i];
        const int number = static_cast<int>(i) + 1;
        if (reader.boolean("psychosocial", Required::No).value_or(false))
            spec.psychosocial_items.push_back(number);

        auto options = reader.tables("options");
        if (number <= spec.agree_items) {
            if (!options.empty()) {
                reader.error("options", fmt::format("item {} is answered agree or disagree; only "
                                                    "the last item, {}, has options",
                                                    number, item_count));
            }
        } else if (number == item_count) {
            if (options.empty())
                reader.error("options", "missing; the bothersomeness item needs its options");
            std::set<std::string, std::less<>> ids;
            for (auto& option_reader : options) {
                core::StartBackOption option;
                if (auto id = option_reader.string("id", Required::Yes)) {
                    if (!ids.insert(*id).second)
                        option_reader.error("id", fmt::format("duplicate option id \"{}\"", *id));
                    option.id = std::move(*id);
                }
                spec.questions[i].options.push_back(
                    option_reader.string("text", Required::Yes).value_or(""));
                // An item scores at most one point: the subscale thresholds assume it.
                option.points = option_reader.integer("points", Required::Yes, 0, 1).value_or(0);
                option_reader.finish();
                spec.final_options.push_back(std::move(option));
            }
        }
        reader.finish();
    }

    if (spec.psychosocial_items.empty())
        root.error("question", "no item is marked `psychosocial = true`");
    spec.low_total_at_most = root.integer("low_total_at_most", Required::Yes, 0, item_count)
                                 .value_or(spec.low_total_at_most);
    // Without psychosocial items the error above says so; bounding by the item count instead of
    // by zero keeps that one mistake from reporting a second, confusing one here.
    const int psychosocial_count = spec.psychosocial_items.empty()
                                       ? item_count
                                       : static_cast<int>(spec.psychosocial_items.size());
    spec.medium_psychosocial_at_most =
        root.integer("medium_psychosocial_at_most", Required::Yes, 0, psychosocial_count)
            .value_or(spec.medium_psychosocial_at_most);
    spec.medium_text = root.string("medium_text", Required::Yes).value_or("");
    spec.high_text = root.string("high_text", Required::Yes).value_or("");
    return spec;
}

core::NprsSpec read_nprs(TableReader& root, std::vector<SourceRef>& sources) {
    core::NprsSpec spec;
    read_sources(root, sources);
    spec.min = root.integer("min", Required::Yes, 0, 100).value_or(spec.min);
    spec.max = root.integer("max", Required::Yes, 0, 100).value_or(spec.max);
    if (spec.max <= spec.min)
        root.error("max", fmt::format("expected above min ({}), got {}", spec.min, spec.max));
    // With a broken scale, check the MCID against the widest allowed one rather than report a
    // second error that only echoes the first.
    spec.mcid = read_mcid(root, spec.max > spec.min ? spec.max - spec.min : 100, sources);
    return spec;
}

/// Parses `instruments/NAME.toml`, hands its root table to `read` and finishes it, so that an
/// unknown key anywhere at the top of the file is reported.
template <class Read>
void read_file(const std::filesystem::path& content_dir, std::string_view name,
               core::Errors& errors, Read read) {
    read_content_file(content_dir / "instruments" / fmt::format("{}.toml", name),
                      fmt::format("instruments/{}.toml", name), errors, read);
}

} // namespace

void read_instruments(const std::filesystem::path& content_dir, core::Instruments& out,
                      core::Errors& errors, std::vector<SourceRef>& sources) {
    read_file(content_dir, "odi", errors,
              [&](TableReader& root) { out.odi = read_odi(root, sources); });
    read_file(content_dir, "rmdq", errors,
              [&](TableReader& root) { out.rmdq = read_rmdq(root, sources); });
    read_file(content_dir, "startback", errors,
              [&](TableReader& root) { out.startback = read_startback(root, sources); });
    read_file(content_dir, "nprs", errors,
              [&](TableReader& root) { out.nprs = read_nprs(root, sources); });
}

} // namespace unload::content
