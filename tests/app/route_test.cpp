// Routes and links: the URL fragment picks the view; secrets stay in the fragment.
#include <gtest/gtest.h>

#include "app/route.hpp"

using namespace palabre::app;

TEST(Route, GivenTheHostCreateFragment_WhenParsed_ThenTheViewCreatesARoom) {
  EXPECT_EQ(parse_route("#/host").view, View::host_create);
}

TEST(Route, GivenAHostLink_WhenParsed_ThenRoomAndTokenAreRead) {
  const Route r = parse_route("#/host/K7MP4Q/secret-token");
  EXPECT_EQ(r.view, View::host);
  EXPECT_EQ(r.room, "K7MP4Q");
  EXPECT_EQ(r.token, "secret-token");
}

TEST(Route, GivenAJoinLinkInLowerCase_WhenParsed_ThenTheRoomCodeIsNormalised) {
  const Route r = parse_route("#/join/k7mp4q");
  EXPECT_EQ(r.view, View::join);
  EXPECT_EQ(r.room, "K7MP4Q");
  EXPECT_TRUE(r.token.empty());
}

TEST(Route, GivenAKioskLink_WhenParsed_ThenTheKioskTokenIsRead) {
  const Route r = parse_route("#/kiosk/ABC234/kt");
  EXPECT_EQ(r.view, View::kiosk);
  EXPECT_EQ(r.room, "ABC234");
  EXPECT_EQ(r.token, "kt");
}

TEST(Route, GivenAnEmptyOrUnknownFragment_WhenParsed_ThenTheLandingShows) {
  EXPECT_EQ(parse_route("").view, View::landing);
  EXPECT_EQ(parse_route("#/").view, View::landing);
  EXPECT_EQ(parse_route("#/nowhere/x").view, View::landing);
  EXPECT_EQ(parse_route("#/join/").view, View::landing);
  EXPECT_EQ(parse_route("#/join/not a code!").view, View::landing);
}

TEST(Route, GivenAnyRoute_WhenWrittenAndReadBack_ThenItIsTheSame) {
  for (const Route& r : {Route{View::landing, "", ""}, Route{View::host_create, "", ""},
                         Route{View::host, "ABC234", "tok"}, Route{View::join, "ABC234", ""},
                         Route{View::kiosk, "ABC234", "k"}}) {
    EXPECT_EQ(parse_route(route_hash(r)), r) << route_hash(r);
  }
}

TEST(Route, GivenCodesAsPeopleTypeThem_WhenNormalised_ThenSpacesAndDashesGoAndCaseIsUpper) {
  EXPECT_EQ(normalise_room_code(" abc-234 "), "ABC234");
  EXPECT_EQ(normalise_room_code("abc 234"), "ABC234");
  EXPECT_EQ(normalise_room_code("ab"), "");       // too short to be a code
  EXPECT_EQ(normalise_room_code("abc/234"), "");  // not a code character
}

TEST(Route, GivenAQueryRelay_WhenResolving_ThenItWinsOverConfigAndOrigin) {
  EXPECT_EQ(relay_url("ws://elsewhere:9000/ws", "wss://config/ws", "https:", "app.example"), "ws://elsewhere:9000/ws");
}

TEST(Route, GivenOnlyAConfigRelay_WhenResolving_ThenTheConfigIsUsed) {
  EXPECT_EQ(relay_url("", "wss://relay.example/ws", "https:", "app.example"), "wss://relay.example/ws");
}

TEST(Route, GivenNoRelayNamed_WhenResolving_ThenTheSameOriginWsPathIsUsedWithTheMatchingScheme) {
  EXPECT_EQ(relay_url("", "", "http:", "127.0.0.1:8080"), "ws://127.0.0.1:8080/ws");
  EXPECT_EQ(relay_url("", "", "https:", "palabre.example"), "wss://palabre.example/ws");
}

TEST(Route, GivenAPageBaseWithQuery_WhenMakingALink_ThenTheQueryIsKeptAndTheFragmentReplaced) {
  EXPECT_EQ(app_link("https://x.example/app/?relay=wss://r/ws", {View::join, "ABC234", ""}),
            "https://x.example/app/?relay=wss://r/ws#/join/ABC234");
  EXPECT_EQ(app_link("http://h/#/host", {View::kiosk, "ABC234", "k"}), "http://h/#/kiosk/ABC234/k");
}

TEST(Route, GivenALocalLink_WhenParsed_ThenTheNoRelayModeIsAskedFor) {
  const Route host = parse_route("#/host/abc234/secret?local");
  EXPECT_EQ(host.view, View::host);
  EXPECT_EQ(host.room, "ABC234");
  EXPECT_EQ(host.token, "secret");
  EXPECT_TRUE(host.local);
  EXPECT_TRUE(parse_route("#/join/ABC234?x=1&local").local);
  EXPECT_FALSE(parse_route("#/join/ABC234").local);
  EXPECT_FALSE(parse_route("#/join/ABC234?localhost").local);
}

TEST(Route, GivenALocalRoute_WhenWrittenAndReadBack_ThenItStaysLocal) {
  for (const Route& r : {Route{View::join, "ABC234", {}, true}, Route{View::kiosk, "ABC234", "k", true},
                         Route{View::host, "ABC234", "h", true}}) {
    EXPECT_EQ(parse_route(route_hash(r)), r);
  }
  EXPECT_EQ(route_hash({View::join, "ABC234", {}, true}), "#/join/ABC234?local");
}

TEST(Route, GivenAnEncryptedSessionLink_WhenParsed_ThenTheRoomKeyIsRead) {
  const std::string key(43, 'A');
  const Route join = parse_route("#/join/abc234?key=" + key);
  EXPECT_EQ(join.view, View::join);
  EXPECT_EQ(join.room, "ABC234");
  EXPECT_EQ(join.key, key);
  EXPECT_FALSE(join.local);
  const Route kiosk = parse_route("#/kiosk/ABC234/k2token?key=" + key + "&local");
  EXPECT_EQ(kiosk.token, "k2token");
  EXPECT_EQ(kiosk.key, key);
  EXPECT_TRUE(kiosk.local);
}

TEST(Route, GivenAKeyThatIsNotBase64url_WhenParsed_ThenItIsIgnoredAndNotEchoedIntoLinks) {
  const Route r = parse_route("#/join/ABC234?key=<script>");
  EXPECT_EQ(r.view, View::join);
  EXPECT_TRUE(r.key.empty());
  EXPECT_EQ(route_hash(r), "#/join/ABC234");
}

TEST(Route, GivenAnEncryptedRoute_WhenWrittenAndReadBack_ThenItKeepsItsKey) {
  const std::string key = "msmXm0n09phwpd8BlII-cwmy_QVnu9KEKoy67EV9sd4";
  for (const Route& r : {Route{View::join, "ABC234", {}, false, key}, Route{View::host, "ABC234", "h", false, key},
                         Route{View::kiosk, "ABC234", "k", true, key}}) {
    EXPECT_EQ(parse_route(route_hash(r)), r);
  }
  EXPECT_EQ(route_hash({View::join, "ABC234", {}, false, key}), "#/join/ABC234?key=" + key);
}

TEST(Route, GivenAJoinCodeWithTheJoinKey_WhenParsedOrTyped_ThenRoomAndKeyAreSplitAndWrittenBackAlike) {
  const Route r = parse_route("#/join/abc234-k7mp4q?local");
  EXPECT_EQ(r.view, View::join);
  EXPECT_EQ(r.room, "ABC234");
  EXPECT_EQ(r.invite, "K7MP4Q");
  EXPECT_EQ(route_hash(r), "#/join/ABC234-K7MP4Q?local");
  EXPECT_EQ(join_route("ABC 234 K7M P4Q").invite, "K7MP4Q");
  EXPECT_TRUE(join_route("ABC234").invite.empty());
  EXPECT_EQ(join_code("ABC234", ""), "ABC234");
}
