#include "http/idempotency.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>
#include <sodium.h>

#include "http/requests.hpp"

namespace unload::http {

namespace {

constexpr std::size_t max_key_length = 255;

core::Result<void> check_key(std::string_view key) {
    if (key.size() > max_key_length)
        return core::fail(core::ErrorCode::InvalidInput, "Idempotency-Key",
                          fmt::format("at most {} characters, got {}", max_key_length, key.size()));
    if (!std::ranges::all_of(key, [](char c) { return c > ' ' && c < 0x7f; }))
        return core::fail(core::ErrorCode::InvalidInput, "Idempotency-Key",
                          "only printable ASCII characters without spaces, such as a UUID");
    return {};
}

} // namespace

std::string request_fingerprint(const Request& request) {
    std::array<unsigned char, crypto_generichash_BYTES> digest{};
    crypto_generichash(digest.data(), digest.size(),
                       reinterpret_cast<const unsigned char*>(request.body.data()),
                       request.body.size(), nullptr, 0);
    std::array<char, crypto_generichash_BYTES * 2 + 1> hex{};
    sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
    return fmt::format("{} {} {}", request.method_name, request.target, hex.data());
}

Handler on_record(const service::Resources& res, Writes writes, RecordHandler handler) {
    // libsodium asks to be initialised before first use; it is idempotent and thread-safe, and
    // fails only when the system has no source of randomness, which the digest does not need.
    [[maybe_unused]] static const int sodium = sodium_init();
    return [res, writes, handler = std::move(handler)](
               const Request& request, const Params& params) -> core::Result<Response> {
        const auto caller = TRY(service::identify(res, request.credentials));
        std::optional<core::PersonId> person;
        if (const auto named = params.get("person"); !named.empty())
            person = TRY(record_id(named, "person"));
        const auto ws = TRY(service::open_record(res, caller, person,
                                                 writes == Writes::Yes ? service::Access::Change
                                                                       : service::Access::Read));
        const auto& key = request.idempotency_key;
        if (writes == Writes::No || key.empty())
            return handler(ws, request, params);
        TRY(check_key(key));
        const auto fingerprint = request_fingerprint(request);
        if (const auto kept = TRY(service::kept_answer(ws, key))) {
            if (kept->request != fingerprint)
                return core::fail(core::ErrorCode::Conflict, "Idempotency-Key",
                                  "this key was already used for a different request; send a "
                                  "new key for a new request");
            Response replayed{.status = kept->status,
                              .content_type = "application/json",
                              .body = kept->body,
                              .shared_body = {},
                              .headers = {}};
            replayed.set_header("Idempotent-Replayed", "true");
            return replayed;
        }
        auto response = TRY(handler(ws, request, params));
        if (response.status >= 200 && response.status < 300)
            TRY(service::keep_answer(ws, core::KeptAnswer{.key = key,
                                                          .request = fingerprint,
                                                          .status = response.status,
                                                          .body = std::string(response.payload()),
                                                          .at = {}}));
        return response;
    };
}

void add_record_route(Router& router, const service::Resources& res, Method method,
                      std::string_view pattern, Writes writes, RecordHandler handler) {
    constexpr std::string_view api = "/api/v1/";
    auto wrapped = on_record(res, writes, std::move(handler));
    router.add(method, std::string(pattern), Work::Database, wrapped);
    if (pattern.starts_with(api))
        router.add(method, "/api/v1/people/{person}/" + std::string(pattern.substr(api.size())),
                   Work::Database, std::move(wrapped));
}

} // namespace unload::http
