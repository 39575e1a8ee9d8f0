using Microsoft.AspNetCore.DataProtection;

namespace TwitchRelay.Storage;

/// <summary>Encrypts secrets kept in the database (webhook tokens, OAuth tokens, the generated EventSub secret)
/// with ASP.NET Core Data Protection, so a copy of the database alone reveals none of them.</summary>
public sealed class SecretProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector protector = provider.CreateProtector("TwitchRelay.Secrets.v1");

    public string Protect(string secret) => protector.Protect(secret);

    public string Unprotect(string protectedSecret) => protector.Unprotect(protectedSecret);
}
