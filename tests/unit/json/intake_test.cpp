// decode_intake and the answer-file decoders against interfaces.md: every rejection names the
// offending field by path, and a minimal intake gets the documented defaults.

#include <filesystem>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "content/loader.hpp"
#include "json/answers.hpp"
#include "json/intake.hpp"

namespace unload::json {
namespace {

const core::KnowledgeBase& kb() {
    static const core::KnowledgeBase loaded = [] {
        auto result = content::load(std::filesystem::path(UNLOAD_SOURCE_DIR) / "content");
        if (!result) {
            std::string all;
            for (const auto& error : result.error())
                all += error.to_string() + "\n";
            ADD_FAILURE() << "content failed to load:\n" << all;
            return core::KnowledgeBase{};
        }
        return std::move(*result);
    }();
    return loaded;
}

struct IntakeErrorCase {
    std::string_view name;
    std::string_view input;
    std::string_view field;
    std::string_view message; ///< A substring of the error message.
    bool field_is_suffix = false;
};

const IntakeErrorCase intake_error_cases[] = {
    {.name = "malformed_json",
     .input = R"({"format": "unload-intake/1",)",
     .field = "(document)",
     .message = "malformed JSON"},
    {.name = "not_an_object",
     .input = R"([1, 2, 3])",
     .field = "(document)",
     .message = "expected an intake object, got an array"},
    {.name = "missing_format",
     .input = R"({"person": {"age": 40}, "symptoms": {"pain_now": 3}})",
     .field = "format",
     .message = "missing"},
    {.name = "wrong_format",
     .input =
         R"({"format": "unload-intake/2", "person": {"age": 40}, "symptoms": {"pain_now": 3}})",
     .field = "format",
     .message = "got \"unload-intake/2\""},
    {.name = "missing_age",
     .input = R"({"format": "unload-intake/1", "person": {}, "symptoms": {"pain_now": 3}})",
     .field = "person.age",
     .message = "missing"},
    {.name = "age_zero",
     .input = R"({"format": "unload-intake/1", "person": {"age": 0}, "symptoms": {"pain_now": 3}})",
     .field = "person.age",
     .message = "expected 1..120, got 0"},
    {.name = "age_121",
     .input =
         R"({"format": "unload-intake/1", "person": {"age": 121}, "symptoms": {"pain_now": 3}})",
     .field = "person.age",
     .message = "expected 1..120, got 121"},
    {.name = "pain_out_of_range",
     .input =
         R"({"format": "unload-intake/1", "person": {"age": 40}, "symptoms": {"pain_now": 12}})",
     .field = "symptoms.pain_now",
     .message = "expected 0..10, got 12"},
    {.name = "pain_not_integer",
     .input =
         R"({"format": "unload-intake/1", "person": {"age": 40}, "symptoms": {"pain_now": 4.5}})",
     .field = "symptoms.pain_now",
     .message = "a number with a fraction"},
    {.name = "unknown_top_level_key",
     .input = R"({"format": "unload-intake/1", "person": {"age": 40},
                  "symptoms": {"pain_now": 3}, "colour": "blue"})",
     .field = "colour",
     .message = "unknown field"},
    {.name = "unknown_person_key",
     .input = R"({"format": "unload-intake/1", "person": {"age": 40, "shoe_size": 9},
                  "symptoms": {"pain_now": 3}})",
     .field = "person.shoe_size",
     .message = "unknown field"},
    {.name = "unknown_warning_sign",
     .input = R"({"format": "unload-intake/1", "person": {"age": 40},
                  "warning_signs": {"sadle_numbness": true}, "symptoms": {"pain_now": 3}})",
     .field = "warning_signs.sadle_numbness",
     .message = "unknown warning sign"},
    {.name = "condition_under_warning_signs",
     .input = R"({"format": "unload-intake/1", "person": {"age": 40},
                  "warning_signs": {"osteoporosis": true}, "symptoms": {"pain_now": 3}})",
     .field = "warning_signs.osteoporosis",
     .message = "unknown warning sign"},
    {.name = "warning_sign_not_boolean",
     .input = R"({"format": "unload-intake/1", "person": {"age": 40},
                  "warning_signs": {"saddle_numbness": "no"}, "symptoms": {"pain_now": 3}})",
     .field = "warning_signs.saddle_numbness",
     .message = "expected true or false, got a string"},
    {.name = "unknown_pattern",
     .input = R"({"format": "unload-intake/1", "person": {"age": 40},
                  "symptoms": {"pain_now": 3, "patterns": {"ache_after_dancing": true}}})",
     .field = "symptoms.patterns.ache_after_dancing",
     .message = "unknown symptom pattern"},
    {.name = "leg_knee",
     .input = R"({"format": "unload-intake/1", "person": {"age": 40},
                  "symptoms": {"pain_now": 3, "leg": "knee"}})",
     .field = "symptoms.leg",
     .message = "got \"knee\""},
    {.name = "unknown_equipment",
     .input = R"({"format": "unload-intake/1", "person": {"age": 40},
                  "symptoms": {"pain_now": 3}, "equipment": ["chair", "trampoline"]})",
     .field = "equipment[1]",
     .message = "unknown equipment \"trampoline\""},
    {.name = "minutes_4",
     .input = R"({"format": "unload-intake/1", "person": {"age": 40},
                  "symptoms": {"pain_now": 3}, "minutes_per_session": 4})",
     .field = "minutes_per_session",
     .message = "expected 5..60, got 4"},
    {.name = "minutes_61",
     .input = R"({"format": "unload-intake/1", "person": {"age": 40},
                  "symptoms": {"pain_now": 3}, "minutes_per_session": 61})",
     .field = "minutes_per_session",
     .message = "expected 5..60, got 61"},
    {.name = "pregnant_male",
     .input = R"({"format": "unload-intake/1",
                  "person": {"age": 40, "sex": "male", "pregnant": true},
                  "symptoms": {"pain_now": 3}})",
     .field = "person.pregnant",
     .message = "male"},
    {.name = "empty_key",
     .input = R"({"format": "unload-intake/1", "person": {"age": 40, "": 1},
                  "symptoms": {"pain_now": 3}})",
     .field = "\"\"",
     .message = "unknown field",
     .field_is_suffix = true},
};

class IntakeErrors : public testing::TestWithParam<IntakeErrorCase> {};

TEST_P(IntakeErrors, NamesTheField) {
    const auto& c = GetParam();
    const auto result = decode_intake(kb(), c.input);
    ASSERT_FALSE(result.has_value()) << c.input;
    const auto& error = result.error();
    EXPECT_EQ(error.code, core::ErrorCode::InvalidInput);
    if (c.field_is_suffix)
        EXPECT_TRUE(error.field.ends_with(c.field)) << error.field;
    else
        EXPECT_EQ(error.field, c.field);
    EXPECT_NE(error.message.find(c.message), std::string::npos)
        << "message: " << error.message << "\nexpected to contain: " << c.message;
}

INSTANTIATE_TEST_SUITE_P(Intake, IntakeErrors, testing::ValuesIn(intake_error_cases),
                         [](const testing::TestParamInfo<IntakeErrorCase>& case_info) {
                             return std::string(case_info.param.name);
                         });

TEST(IntakeDecode, PainOutOfRangeMessageIsExact) {
    const auto result = decode_intake(
        kb(),
        R"({"format": "unload-intake/1", "person": {"age": 40}, "symptoms": {"pain_now": 12}})");
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().field, "symptoms.pain_now");
    EXPECT_EQ(result.error().message, "expected 0..10, got 12");
}

TEST(IntakeDecode, MinimalIntakeGetsDefaults) {
    const auto result = decode_intake(
        kb(),
        R"({"format": "unload-intake/1", "person": {"age": 46}, "symptoms": {"pain_now": 5}})");
    ASSERT_TRUE(result.has_value()) << result.error().to_string();
    const auto& intake = *result;
    EXPECT_EQ(intake.person.age, 46);
    EXPECT_EQ(intake.symptoms.pain_now, 5);
    EXPECT_EQ(intake.equipment, kb().default_equipment);
    EXPECT_EQ(intake.minutes_per_session, kb().program.default_minutes);
    EXPECT_EQ(intake.symptoms.leg, core::LegExtent::None);
    EXPECT_FALSE(intake.person.pregnant);
    EXPECT_TRUE(intake.reported.none());
}

TEST(IntakeDecode, EmptyEquipmentMeansNoEquipment) {
    const auto result = decode_intake(kb(), R"({"format": "unload-intake/1", "person": {"age": 46},
        "symptoms": {"pain_now": 5}, "equipment": []})");
    ASSERT_TRUE(result.has_value()) << result.error().to_string();
    EXPECT_TRUE(result->equipment.none());
}

TEST(IntakeDecode, WalkingToleranceNullAccepted) {
    const auto result = decode_intake(kb(), R"({"format": "unload-intake/1", "person": {"age": 46},
        "symptoms": {"pain_now": 5, "walking_tolerance_m": null}})");
    ASSERT_TRUE(result.has_value()) << result.error().to_string();
    EXPECT_FALSE(result->symptoms.walking_tolerance_m.has_value());
}

TEST(IntakeDecode, ReportedFactsAreSet) {
    const auto result = decode_intake(kb(), R"({"format": "unload-intake/1", "person": {"age": 46},
        "warning_signs": {"saddle_numbness": true, "cancer_history": false},
        "conditions": {"osteoporosis": true},
        "symptoms": {"pain_now": 5}})");
    ASSERT_TRUE(result.has_value()) << result.error().to_string();
    const auto saddle = kb().find_fact("saddle_numbness");
    const auto cancer = kb().find_fact("cancer_history");
    const auto osteoporosis = kb().find_fact("osteoporosis");
    ASSERT_TRUE(saddle && cancer && osteoporosis);
    EXPECT_TRUE(result->reported.test(*saddle));
    EXPECT_FALSE(result->reported.test(*cancer));
    EXPECT_TRUE(result->reported.test(*osteoporosis));
}

TEST(AnswersDecode, OdiRejectsSixNamingTheIndex) {
    const auto result = decode_odi_answers(R"({"answers": [0, 1, 6, 2]})");
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().field, "answers[2]");
    EXPECT_NE(result.error().message.find("got 6"), std::string::npos) << result.error().message;
}

TEST(AnswersDecode, OdiRejectsStringNamingTheIndex) {
    const auto result = decode_odi_answers(R"({"answers": [0, null, 1, "x"]})");
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().field, "answers[3]");
    EXPECT_NE(result.error().message.find("a string"), std::string::npos) << result.error().message;
}

TEST(AnswersDecode, OdiAcceptsNulls) {
    const auto result = decode_odi_answers(R"({"answers": [0, null, 5]})");
    ASSERT_TRUE(result.has_value()) << result.error().to_string();
    ASSERT_EQ(result->size(), 3U);
    EXPECT_EQ((*result)[0], 0);
    EXPECT_FALSE((*result)[1].has_value());
    EXPECT_EQ((*result)[2], 5);
}

TEST(AnswersDecode, StartBackLastItemMustBeString) {
    const auto result = decode_startback_answers(
        R"({"answers": [true, false, true, false, true, false, true, false, true]})");
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().field, "answers[8]");
    EXPECT_NE(result.error().message.find("bothersomeness"), std::string::npos)
        << result.error().message;
}

TEST(AnswersDecode, StartBackReadsAnswers) {
    const auto result = decode_startback_answers(
        R"({"answers": [true, false, true, false, true, false, true, false, "very_much"]})");
    ASSERT_TRUE(result.has_value()) << result.error().to_string();
    EXPECT_EQ(result->agree.size(), 8U);
    EXPECT_EQ(result->bothersome, "very_much");
}

} // namespace
} // namespace unload::json
