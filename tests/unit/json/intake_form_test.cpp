// The intake form document against the decoder it serves: every range it states is the one the
// decoder enforces (both ends accepted, one past refused), its defaults are what the decoder
// assumes, every choice and id it offers decodes, and every questionnaire answer it offers scores.

#include <set>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/instruments.hpp"
#include "json/answers.hpp"
#include "json/intake.hpp"
#include "json/intake_form.hpp"
#include "support/knowledge.hpp"

namespace unload::json {
namespace {

using nlohmann::json;

const core::KnowledgeBase& kb() {
    return test::knowledge_base();
}

const json& form() {
    static const json document = intake_form_document(kb());
    return document;
}

json minimal_intake() {
    return {{"format", intake_format}, {"person", {{"age", 40}}}, {"symptoms", {{"pain_now", 3}}}};
}

/// `intake` with `value` at the dotted `path`.
json with(json intake, const std::string& path, const json& value) {
    json* at = &intake;
    std::size_t start = 0;
    while (true) {
        const auto dot = path.find('.', start);
        const auto key =
            path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
        if (dot == std::string::npos) {
            (*at)[key] = value;
            return intake;
        }
        at = &(*at)[key];
        start = dot + 1;
    }
}

bool decodes(const json& intake) {
    return decode_intake(kb(), intake.dump()).has_value();
}

TEST(IntakeForm, NamesTheFormat) {
    EXPECT_EQ(form().at("format"), "unload-intake/1");
}

TEST(IntakeForm, EveryRangeIsTheDecodersOwn) {
    int checked = 0;
    for (const auto& field : form().at("fields")) {
        const auto path = field.at("path").get<std::string>();
        const auto type = field.at("type").get<std::string>();
        if (type != "integer" && type != "number")
            continue;
        SCOPED_TRACE(path);
        const double min = field.at("min").get<double>();
        const double max = field.at("max").get<double>();
        const double step = type == "integer" ? 1 : 0.5;
        const auto number = [&](double v) {
            return type == "integer" ? json(static_cast<int>(v)) : json(v);
        };
        EXPECT_TRUE(decodes(with(minimal_intake(), path, number(min))));
        EXPECT_TRUE(decodes(with(minimal_intake(), path, number(max))));
        EXPECT_FALSE(decodes(with(minimal_intake(), path, number(min - step))));
        EXPECT_FALSE(decodes(with(minimal_intake(), path, number(max + step))));
        EXPECT_EQ(decodes(with(minimal_intake(), path, nullptr)),
                  field.at("nullable").get<bool>() && !field.at("required").get<bool>());
        ++checked;
    }
    EXPECT_EQ(checked, 8);
}

TEST(IntakeForm, RequiredFieldsAreRequired) {
    std::set<std::string> required;
    for (const auto& field : form().at("fields")) {
        if (field.at("required").get<bool>())
            required.insert(field.at("path").get<std::string>());
    }
    // interfaces.md: only format, person.age and symptoms.pain_now are required.
    EXPECT_EQ(required, (std::set<std::string>{"person.age", "symptoms.pain_now"}));
}

TEST(IntakeForm, TheDefaultsAreWhatTheDecoderAssumes) {
    auto filled = minimal_intake();
    for (const auto& field : form().at("fields")) {
        if (!field.at("required").get<bool>())
            filled = with(filled, field.at("path").get<std::string>(), field.at("default"));
    }
    const auto from_defaults = decode_intake(kb(), filled.dump());
    const auto from_nothing = decode_intake(kb(), minimal_intake().dump());
    ASSERT_TRUE(from_defaults) << from_defaults.error().to_string();
    ASSERT_TRUE(from_nothing);
    EXPECT_EQ(core::facts_of(kb(), *from_defaults), core::facts_of(kb(), *from_nothing));
    EXPECT_EQ(from_defaults->equipment, from_nothing->equipment);
    EXPECT_EQ(from_defaults->minutes_per_session, from_nothing->minutes_per_session);
    EXPECT_EQ(from_defaults->person.sex, from_nothing->person.sex);
    EXPECT_EQ(from_defaults->symptoms.leg, from_nothing->symptoms.leg);
    EXPECT_EQ(from_defaults->history.conservative_care_weeks,
              from_nothing->history.conservative_care_weeks);
}

TEST(IntakeForm, EveryChoiceDecodesAndSetsTheFactItNames) {
    for (const auto& field : form().at("fields")) {
        if (!field.contains("options"))
            continue;
        const auto path = field.at("path").get<std::string>();
        for (const auto& option : field.at("options")) {
            SCOPED_TRACE(path + " = " + option.at("value").dump());
            EXPECT_FALSE(option.at("label").get<std::string>().empty());
            const json value = field.at("type") == "equipment" ? json::array({option.at("value")})
                                                               : option.at("value");
            auto intake = with(minimal_intake(), path, value);
            const auto decoded = decode_intake(kb(), intake.dump());
            ASSERT_TRUE(decoded) << decoded.error().to_string();
            if (option.contains("fact")) {
                const auto fact = kb().find_fact(option.at("fact").get<std::string>());
                ASSERT_TRUE(fact);
                EXPECT_TRUE(core::facts_of(kb(), *decoded).test(*fact));
                EXPECT_FALSE(option.at("text").get<std::string>().empty());
            }
        }
    }
}

TEST(IntakeForm, EveryYesNoFieldWithAFactSetsIt) {
    int checked = 0;
    for (const auto& field : form().at("fields")) {
        if (field.at("type") != "boolean")
            continue;
        const auto path = field.at("path").get<std::string>();
        SCOPED_TRACE(path);
        ASSERT_TRUE(field.contains("fact"));
        auto intake = with(minimal_intake(), path, true);
        intake["person"]["sex"] = "female"; // so that `pregnant` is a possible answer
        const auto decoded = decode_intake(kb(), intake.dump());
        ASSERT_TRUE(decoded) << decoded.error().to_string();
        const auto fact = kb().find_fact(field.at("fact").get<std::string>());
        ASSERT_TRUE(fact);
        EXPECT_TRUE(core::facts_of(kb(), *decoded).test(*fact));
        EXPECT_FALSE(field.at("text").get<std::string>().empty());
        ++checked;
    }
    EXPECT_EQ(checked, 3);
}

TEST(IntakeForm, EveryFieldHasAQuestion) {
    std::set<std::string> paths;
    for (const auto& field : form().at("fields")) {
        paths.insert(field.at("path").get<std::string>());
        EXPECT_FALSE(field.at("question").get<std::string>().empty()) << field.at("path");
    }
    EXPECT_EQ(paths.size(), core::intake_fields().size());
    EXPECT_TRUE(paths.contains("minutes_per_session"));
    EXPECT_TRUE(paths.contains("equipment"));
}

TEST(IntakeForm, TopicsAskEveryWarningSignAndConditionOnceAndEachIdDecodes) {
    std::set<std::string> asked;
    for (const auto& topic : form().at("topics")) {
        EXPECT_FALSE(topic.at("title").get<std::string>().empty());
        EXPECT_FALSE(topic.at("intro").get<std::string>().empty());
        for (const auto& question : topic.at("questions")) {
            const auto id = question.at("id").get<std::string>();
            EXPECT_TRUE(asked.insert(id).second) << "asked twice: " << id;
            EXPECT_FALSE(question.at("question").get<std::string>().empty()) << id;
            EXPECT_FALSE(question.at("text").get<std::string>().empty()) << id;
            const auto map = question.at("answer").get<std::string>();
            ASSERT_TRUE(map == "warning_signs" || map == "conditions") << id;
            auto intake = minimal_intake();
            intake[map][id] = true;
            EXPECT_TRUE(decodes(intake)) << id;
        }
    }
    std::size_t expected = 0;
    for (const auto& fact : kb().facts)
        expected +=
            fact.kind == core::FactKind::WarningSign || fact.kind == core::FactKind::Condition;
    EXPECT_EQ(asked.size(), expected);
}

TEST(IntakeForm, EveryPatternDecodes) {
    ASSERT_FALSE(form().at("patterns").empty());
    for (const auto& pattern : form().at("patterns")) {
        EXPECT_EQ(pattern.at("answer"), "symptoms.patterns");
        auto intake = minimal_intake();
        intake["symptoms"]["patterns"][pattern.at("id").get<std::string>()] = true;
        EXPECT_TRUE(decodes(intake)) << pattern.at("id");
    }
}

const json& questionnaire(std::string_view id) {
    for (const auto& entry : form().at("questionnaires")) {
        if (entry.at("id") == id)
            return entry;
    }
    ADD_FAILURE() << "no questionnaire " << id;
    static const json none = json::object();
    return none;
}

/// The answers file of `unload score`, choosing option `pick` of every question (the last one
/// where a question has fewer).
std::string answers(const json& entry, std::size_t pick) {
    json out = json::array();
    for (const auto& question : entry.at("questions")) {
        const auto& options = question.at("options");
        out.push_back(options.at(std::min(pick, options.size() - 1)).at("value"));
    }
    return json{{"answers", out}}.dump();
}

TEST(IntakeForm, EveryQuestionnaireAnswerItOffersScores) {
    const auto& instruments = kb().instruments;
    const auto& odi = questionnaire("odi");
    EXPECT_FALSE(odi.at("title").get<std::string>().empty());
    EXPECT_TRUE(odi.at("blank_allowed").get<bool>());
    EXPECT_EQ(odi.at("min_answered"), instruments.odi.min_answered);
    for (std::size_t pick = 0; pick < 6; ++pick) {
        const auto decoded = decode_odi_answers(answers(odi, pick));
        ASSERT_TRUE(decoded);
        const auto score = core::score_odi(instruments.odi, *decoded);
        ASSERT_TRUE(score) << score.error().to_string();
        EXPECT_EQ(score->score, static_cast<int>(pick) * instruments.odi.sections);
    }

    const auto& rmdq = questionnaire("rmdq");
    EXPECT_FALSE(rmdq.at("blank_allowed").get<bool>());
    for (std::size_t pick = 0; pick < 2; ++pick) {
        const auto decoded = decode_rmdq_answers(answers(rmdq, pick));
        ASSERT_TRUE(decoded);
        const auto score = core::score_rmdq(instruments.rmdq, *decoded);
        ASSERT_TRUE(score) << score.error().to_string();
        EXPECT_EQ(score->score, pick == 0 ? instruments.rmdq.items : 0); // option 0 is yes
    }

    const auto& startback = questionnaire("startback");
    EXPECT_EQ(startback.at("questions").size(), instruments.startback.questions.size());
    for (std::size_t pick = 0; pick < 5; ++pick) {
        const auto decoded = decode_startback_answers(answers(startback, pick));
        ASSERT_TRUE(decoded);
        const auto score = core::score_startback(instruments.startback, *decoded);
        ASSERT_TRUE(score) << score.error().to_string();
    }
}

} // namespace
} // namespace unload::json
