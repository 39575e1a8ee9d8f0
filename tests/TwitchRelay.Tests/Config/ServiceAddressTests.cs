using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TwitchRelay.Hosting;

namespace TwitchRelay.Tests.Config;

/// <summary>The address put in Discord messages must be one a browser can open.</summary>
public sealed class ServiceAddressTests
{
    [Theory]
    [InlineData("http://*:5080", "http://localhost:5080")]
    [InlineData("http://+:8080", "http://localhost:8080")]
    [InlineData("http://0.0.0.0:5080", "http://localhost:5080")]
    [InlineData("http://[::]:5080", "http://localhost:5080")]
    [InlineData("http://192.0.2.7:5080", "http://192.0.2.7:5080")]
    [InlineData("https://relay.lan:8443/", "https://relay.lan:8443")]
    [InlineData("http://*:5080;https://*:5081", "http://localhost:5080")]
    public void WithoutPublicUrlTheFirstListenAddressIsUsedWithABrowsableHost(string urls, string expected)
    {
        var address = Address(new ServiceOptions { Urls = urls });

        Assert.Equal(expected, address.BaseUrl());
        Assert.False(address.IsPublic);
    }

    [Fact]
    public void PublicUrlWinsAndTheGuildPageHangsBelowIt()
    {
        var address = Address(new ServiceOptions { PublicUrl = "https://relay.example/", Urls = "http://*:5080" });

        Assert.Equal("https://relay.example/guilds/123456789012345678", address.GuildPage("123456789012345678"));
        Assert.True(address.IsPublic);
    }

    [Fact]
    public void NothingConfiguredMeansTheDefaultAddress()
    {
        Assert.Equal("http://localhost:5080", Address(new ServiceOptions()).BaseUrl());
    }

    private static ServiceAddress Address(ServiceOptions options) =>
        new(Options.Create(options), new ServiceCollection().BuildServiceProvider());
}
