// Scoring of the outcome instruments against clinical.md section 10. The specs are built here by
// hand, so these tests pin the arithmetic whatever the content files say.

#include <array>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/instruments.hpp"

namespace unload::core {
namespace {

OdiSpec odi_spec() {
    return OdiSpec{.sections = 10,
                   .section_max = 5,
                   .min_answered = 8,
                   .bands = {{.id = "minimal", .at_most = 20},
                             {.id = "moderate", .at_most = 40},
                             {.id = "severe", .at_most = 60},
                             {.id = "crippling", .at_most = 80},
                             {.id = "bed_bound", .at_most = 100}},
                   .mcid = {.points = 10, .percent = 0},
                   .questions = {}};
}

RmdqSpec rmdq_spec() {
    return RmdqSpec{.items = 24, .mcid = {.points = 5, .percent = 30}, .questions = {}};
}

StartBackSpec startback_spec() {
    return StartBackSpec{.agree_items = 8,
                         .final_options = {{.id = "not_at_all", .points = 0},
                                           {.id = "slightly", .points = 0},
                                           {.id = "moderately", .points = 0},
                                           {.id = "very_much", .points = 1},
                                           {.id = "extremely", .points = 1}},
                         .psychosocial_items = {5, 6, 7, 8, 9},
                         .low_total_at_most = 3,
                         .medium_psychosocial_at_most = 3,
                         .questions = {}};
}

/// Ten ODI answers: the first `answered` sections hold `sum` between them (fives first), the rest
/// are left blank.
std::vector<std::optional<int>> odi_answers(int answered, int sum) {
    std::vector<std::optional<int>> answers(10);
    for (int i = 0; i < answered; ++i) {
        const int value = std::min(sum, 5);
        answers[static_cast<std::size_t>(i)] = value;
        sum -= value;
    }
    return answers;
}

/// Eight agree/disagree answers, agreeing with the 1-based items listed.
std::vector<bool> agreeing_with(std::initializer_list<int> items) {
    std::vector<bool> agree(8, false);
    for (const int item : items)
        agree[static_cast<std::size_t>(item - 1)] = true;
    return agree;
}

struct OdiCase {
    std::string name;
    std::vector<std::optional<int>> answers;
    int answered = 0;
    int score = 0;
    double percent = 0;
    std::string band;
};

TEST(Odi, ScoresPercentAndBand) {
    const std::vector<OdiCase> cases = {
        {.name = "nothing",
         .answers = odi_answers(10, 0),
         .answered = 10,
         .score = 0,
         .percent = 0,
         .band = "minimal"},
        {.name = "20.0 is still minimal",
         .answers = odi_answers(10, 10),
         .answered = 10,
         .score = 10,
         .percent = 20.0,
         .band = "minimal"},
        {.name = "22.0 is moderate",
         .answers = odi_answers(10, 11),
         .answered = 10,
         .score = 11,
         .percent = 22.0,
         .band = "moderate"},
        {.name = "9 answered, 20.0",
         .answers = odi_answers(9, 9),
         .answered = 9,
         .score = 9,
         .percent = 20.0,
         .band = "minimal"},
        {.name = "9 answered, 22.2",
         .answers = odi_answers(9, 10),
         .answered = 9,
         .score = 10,
         .percent = 22.2,
         .band = "moderate"},
        {.name = "40.0 is still moderate",
         .answers = odi_answers(10, 20),
         .answered = 10,
         .score = 20,
         .percent = 40.0,
         .band = "moderate"},
        {.name = "42.0 is severe",
         .answers = odi_answers(10, 21),
         .answered = 10,
         .score = 21,
         .percent = 42.0,
         .band = "severe"},
        {.name = "9 answered, 40.0",
         .answers = odi_answers(9, 18),
         .answered = 9,
         .score = 18,
         .percent = 40.0,
         .band = "moderate"},
        {.name = "9 answered, 42.2",
         .answers = odi_answers(9, 19),
         .answered = 9,
         .score = 19,
         .percent = 42.2,
         .band = "severe"},
        {.name = "60.0 is still severe",
         .answers = odi_answers(10, 30),
         .answered = 10,
         .score = 30,
         .percent = 60.0,
         .band = "severe"},
        {.name = "62.0 is crippling",
         .answers = odi_answers(10, 31),
         .answered = 10,
         .score = 31,
         .percent = 62.0,
         .band = "crippling"},
        {.name = "80.0 is still crippling",
         .answers = odi_answers(10, 40),
         .answered = 10,
         .score = 40,
         .percent = 80.0,
         .band = "crippling"},
        {.name = "82.0 is bed-bound",
         .answers = odi_answers(10, 41),
         .answered = 10,
         .score = 41,
         .percent = 82.0,
         .band = "bed_bound"},
        {.name = "8 answered, 80.0",
         .answers = odi_answers(8, 32),
         .answered = 8,
         .score = 32,
         .percent = 80.0,
         .band = "crippling"},
        {.name = "8 answered, 82.5",
         .answers = odi_answers(8, 33),
         .answered = 8,
         .score = 33,
         .percent = 82.5,
         .band = "bed_bound"},
        {.name = "everything",
         .answers = odi_answers(10, 50),
         .answered = 10,
         .score = 50,
         .percent = 100.0,
         .band = "bed_bound"},
        {.name = "8 answered, denominator 40",
         .answers = odi_answers(8, 13),
         .answered = 8,
         .score = 13,
         .percent = 32.5,
         .band = "moderate"},
        {.name = "9 answered, 15.55 rounds up",
         .answers = odi_answers(9, 7),
         .answered = 9,
         .score = 7,
         .percent = 15.6,
         .band = "minimal"},
        {.name = "9 answered, 2.22 rounds down",
         .answers = odi_answers(9, 1),
         .answered = 9,
         .score = 1,
         .percent = 2.2,
         .band = "minimal"},
        {.name = "blank in the middle",
         .answers = {3, std::nullopt, 2, 1, 0, 4, std::nullopt, 5, 2, 1},
         .answered = 8,
         .score = 18,
         .percent = 45.0,
         .band = "severe"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        const auto result = score_odi(odi_spec(), c.answers);
        ASSERT_TRUE(result) << result.error().to_string();
        EXPECT_EQ(result->answered, c.answered);
        EXPECT_EQ(result->score, c.score);
        EXPECT_DOUBLE_EQ(result->percent, c.percent);
        EXPECT_EQ(result->band, c.band);
    }
}

struct InvalidCase {
    std::string name;
    std::vector<std::optional<int>> answers;
    std::string field;
    std::vector<std::string> message_has;
};

TEST(Odi, RejectsInvalidAnswers) {
    auto too_high = odi_answers(10, 10);
    too_high[3] = 6;
    auto negative = odi_answers(10, 10);
    negative[0] = -1;
    auto nine_long = odi_answers(9, 9);
    nine_long.pop_back();
    auto eleven_long = odi_answers(10, 10);
    eleven_long.push_back(0);

    const std::vector<InvalidCase> cases = {
        {.name = "7 answered",
         .answers = odi_answers(7, 7),
         .field = "answers",
         .message_has = {"7", "8"}},
        {.name = "none answered",
         .answers = odi_answers(0, 0),
         .field = "answers",
         .message_has = {"0", "8"}},
        {.name = "above 5",
         .answers = too_high,
         .field = "answers[3]",
         .message_has = {"0..5", "6"}},
        {.name = "below 0", .answers = negative, .field = "answers[0]", .message_has = {"-1"}},
        {.name = "9 answers", .answers = nine_long, .field = "answers", .message_has = {"10", "9"}},
        {.name = "11 answers",
         .answers = eleven_long,
         .field = "answers",
         .message_has = {"10", "11"}},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        const auto result = score_odi(odi_spec(), c.answers);
        ASSERT_FALSE(result);
        EXPECT_EQ(result.error().code, ErrorCode::InvalidInput);
        EXPECT_EQ(result.error().field, c.field);
        for (const auto& part : c.message_has)
            EXPECT_NE(result.error().message.find(part), std::string::npos)
                << result.error().message;
    }
}

TEST(Odi, TooFewAnswersSaysHowManyAndHowManyNeeded) {
    const auto result = score_odi(odi_spec(), odi_answers(7, 7));
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().message, "only 7 of 10 sections answered; at least 8 are needed");
}

struct RmdqCase {
    std::string name;
    std::vector<bool> answers;
    std::optional<int> score; ///< Empty when the answers are invalid.
};

TEST(Rmdq, CountsYesAnswers) {
    std::vector<bool> some(24, false);
    some[0] = some[5] = some[23] = true;
    const std::vector<RmdqCase> cases = {
        {.name = "all no", .answers = std::vector<bool>(24, false), .score = 0},
        {.name = "all yes", .answers = std::vector<bool>(24, true), .score = 24},
        {.name = "three yes", .answers = some, .score = 3},
        {.name = "23 answers", .answers = std::vector<bool>(23, true), .score = std::nullopt},
        {.name = "25 answers", .answers = std::vector<bool>(25, false), .score = std::nullopt},
        {.name = "no answers", .answers = {}, .score = std::nullopt},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        const auto result = score_rmdq(rmdq_spec(), c.answers);
        if (c.score) {
            ASSERT_TRUE(result) << result.error().to_string();
            EXPECT_EQ(result->score, *c.score);
        } else {
            ASSERT_FALSE(result);
            EXPECT_EQ(result.error().code, ErrorCode::InvalidInput);
            EXPECT_EQ(result.error().field, "answers");
            EXPECT_NE(result.error().message.find(std::to_string(c.answers.size())),
                      std::string::npos)
                << result.error().message;
        }
    }
}

TEST(Rmdq, AcceptsASpanOfBools) {
    std::array<bool, 24> answers{};
    answers[2] = answers[3] = true;
    const auto result = score_rmdq(rmdq_spec(), std::span<const bool>(answers));
    ASSERT_TRUE(result);
    EXPECT_EQ(result->score, 2);
}

struct StartBackCase {
    std::string name;
    std::vector<bool> agree;
    std::string bothersome;
    int total = 0;
    int psychosocial = 0;
    std::string risk;
};

TEST(StartBack, ScoresTotalSubscaleAndRisk) {
    const std::vector<StartBackCase> cases = {
        {.name = "nothing",
         .agree = agreeing_with({}),
         .bothersome = "not_at_all",
         .total = 0,
         .psychosocial = 0,
         .risk = "low"},
        {.name = "total 3 is low",
         .agree = agreeing_with({1, 2, 3}),
         .bothersome = "slightly",
         .total = 3,
         .psychosocial = 0,
         .risk = "low"},
        {.name = "total 3 is low even when all psychosocial",
         .agree = agreeing_with({5, 6, 7}),
         .bothersome = "not_at_all",
         .total = 3,
         .psychosocial = 3,
         .risk = "low"},
        {.name = "total 4 with psychosocial 3 is medium",
         .agree = agreeing_with({1, 5, 6, 7}),
         .bothersome = "not_at_all",
         .total = 4,
         .psychosocial = 3,
         .risk = "medium"},
        {.name = "psychosocial 4 is high",
         .agree = agreeing_with({5, 6, 7, 8}),
         .bothersome = "not_at_all",
         .total = 4,
         .psychosocial = 4,
         .risk = "high"},
        {.name = "moderately scores 0",
         .agree = agreeing_with({1, 5, 6, 7}),
         .bothersome = "moderately",
         .total = 4,
         .psychosocial = 3,
         .risk = "medium"},
        {.name = "very_much scores 1",
         .agree = agreeing_with({1, 5, 6, 7}),
         .bothersome = "very_much",
         .total = 5,
         .psychosocial = 4,
         .risk = "high"},
        {.name = "extremely scores 1",
         .agree = agreeing_with({}),
         .bothersome = "extremely",
         .total = 1,
         .psychosocial = 1,
         .risk = "low"},
        {.name = "physical items only",
         .agree = agreeing_with({1, 2, 3, 4}),
         .bothersome = "extremely",
         .total = 5,
         .psychosocial = 1,
         .risk = "medium"},
        {.name = "everything",
         .agree = agreeing_with({1, 2, 3, 4, 5, 6, 7, 8}),
         .bothersome = "extremely",
         .total = 9,
         .psychosocial = 5,
         .risk = "high"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        const auto result =
            score_startback(startback_spec(), {.agree = c.agree, .bothersome = c.bothersome});
        ASSERT_TRUE(result) << result.error().to_string();
        EXPECT_EQ(result->total, c.total);
        EXPECT_EQ(result->psychosocial, c.psychosocial);
        EXPECT_EQ(result->risk, c.risk);
    }
}

TEST(StartBack, RejectsUnknownOptionNamingTheValidOnes) {
    const auto result =
        score_startback(startback_spec(), {.agree = agreeing_with({}), .bothersome = "a_lot"});
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code, ErrorCode::InvalidInput);
    EXPECT_EQ(result.error().field, "answers[8]");
    for (const auto* id :
         {"a_lot", "not_at_all", "slightly", "moderately", "very_much", "extremely"})
        EXPECT_NE(result.error().message.find(id), std::string::npos) << result.error().message;
}

TEST(StartBack, RejectsWrongNumberOfAgreeAnswers) {
    for (const std::size_t count : {0, 7, 9}) {
        SCOPED_TRACE(count);
        const auto result = score_startback(
            startback_spec(), {.agree = std::vector<bool>(count, true), .bothersome = "slightly"});
        ASSERT_FALSE(result);
        EXPECT_EQ(result.error().code, ErrorCode::InvalidInput);
        EXPECT_EQ(result.error().field, "answers");
        EXPECT_NE(result.error().message.find(std::to_string(count)), std::string::npos);
    }
}

struct ResponderCase {
    std::string name;
    Mcid mcid;
    double baseline = 0;
    double now = 0;
    bool responder = false;
};

TEST(Responder, ComparesImprovementWithTheMcid) {
    const Mcid odi{.points = 10, .percent = 0};
    const Mcid nprs{.points = 2, .percent = 30};
    const Mcid rmdq{.points = 5, .percent = 30};
    const std::vector<ResponderCase> cases = {
        {.name = "ODI exactly 10 points",
         .mcid = odi,
         .baseline = 50,
         .now = 40,
         .responder = true},
        {.name = "ODI 9.9 points", .mcid = odi, .baseline = 50, .now = 40.1, .responder = false},
        {.name = "ODI 10 points through one decimal",
         .mcid = odi,
         .baseline = 30.3,
         .now = 20.3,
         .responder = true},
        {.name = "ODI has no percent rule",
         .mcid = odi,
         .baseline = 30,
         .now = 21,
         .responder = false},
        {.name = "NPRS exactly 2 points", .mcid = nprs, .baseline = 8, .now = 6, .responder = true},
        {.name = "NPRS 1.9 points and 24 %",
         .mcid = nprs,
         .baseline = 8,
         .now = 6.1,
         .responder = false},
        {.name = "NPRS exactly 30 %", .mcid = nprs, .baseline = 5, .now = 3.5, .responder = true},
        {.name = "NPRS 28 %", .mcid = nprs, .baseline = 5, .now = 3.6, .responder = false},
        {.name = "RMDQ exactly 5 points",
         .mcid = rmdq,
         .baseline = 20,
         .now = 15,
         .responder = true},
        {.name = "RMDQ 4 points and 20 %",
         .mcid = rmdq,
         .baseline = 20,
         .now = 16,
         .responder = false},
        {.name = "RMDQ exactly 30 %", .mcid = rmdq, .baseline = 10, .now = 7, .responder = true},
        {.name = "RMDQ 20 %", .mcid = rmdq, .baseline = 10, .now = 8, .responder = false},
        {.name = "worse", .mcid = rmdq, .baseline = 10, .now = 15, .responder = false},
        {.name = "zero baseline", .mcid = nprs, .baseline = 0, .now = 0, .responder = false},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        EXPECT_EQ(is_responder(c.mcid, c.baseline, c.now), c.responder);
    }
}

} // namespace
} // namespace unload::core
