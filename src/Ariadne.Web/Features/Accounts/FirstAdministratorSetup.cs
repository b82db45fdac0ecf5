using System.Security.Cryptography;
using System.Text;

namespace Ariadne.Web.Features.Accounts;

/// <summary>
/// The one-time secret that lets the first administrator be created on a new installation. It lives only
/// in memory, is printed on the console at start-up, and is spent once used.
/// </summary>
public sealed class FirstAdministratorSetup
{
    private readonly Lock _lock = new();
    private bool _used;

    public string Token { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    public bool IsValid(string? token)
    {
        lock (_lock)
        {
            return Matches(token);
        }
    }

    public bool TrySpend(string? token)
    {
        lock (_lock)
        {
            if (!Matches(token))
            {
                return false;
            }
            _used = true;
            return true;
        }
    }

    private bool Matches(string? token) =>
        !_used && token is not null
               && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(Token));
}
