using TwitchRelay.Cli.Config;

namespace TwitchRelay.Tests.Streams;

/// <summary>The stream settings of the rules file: checked with their paths, and kept through import and export.
/// </summary>
public class StreamConfigTests
{
    [Fact]
    public void OfflineActionIsCheckedByName()
    {
        var json = """
            { "version": 1,
              "guilds": [ { "guildId": "900000000000000001", "broadcasterId": "583920147",
                            "alerts": [ { "event": "stream.online", "channelId": "910000000000000001",
                                          "offlineAction": "edit" },
                                        { "event": "stream.online", "channelId": "910000000000000002",
                                          "offlineAction": "remove" },
                                        { "event": "follow", "channelId": "910000000000000001",
                                          "offlineAction": "delete" } ] } ] }
            """;

        AlertConfigStore.Parse(json, out var errors);

        Assert.Equal(
            [
                "guilds[0].alerts[1].offlineAction: must be one of edit, delete, message, none, got \"remove\"",
                "guilds[0].alerts[2].offlineAction: only a \"stream.online\" alert has a go-live post to end",
            ],
            errors);
    }

    [Fact]
    public void StreamOnlineTemplatesMayUseTitleAndCategory()
    {
        var json = """
            { "version": 1,
              "guilds": [ { "guildId": "900000000000000001", "broadcasterId": "583920147",
                            "alerts": [ { "event": "stream.online", "channelId": "910000000000000001",
                                          "template": "{broadcaster} plays {category}: {title}" } ] } ] }
            """;

        AlertConfigStore.Parse(json, out var errors);

        Assert.Empty(errors);
    }
}
