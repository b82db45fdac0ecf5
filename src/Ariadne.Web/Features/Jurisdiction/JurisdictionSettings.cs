using System.Security.Claims;
using System.Text.Json;
using Ariadne.Web.Data;
using Ariadne.Web.Features.Cases;
using Ariadne.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Ariadne.Web.Features.Jurisdiction;

/// <summary>A setting changed at run time, kept in the database so that it survives restarts and every change is audited.</summary>
public sealed class StoredSetting
{
    public required string Key { get; set; }
    public required string Json { get; set; }
    public DateTime UpdatedAt { get; set; }
    public required string UpdatedByName { get; set; }
}

/// <summary>
/// Holds the profile in force. Requests take a snapshot (the scoped <see cref="JurisdictionProfile"/>), so a
/// change by the administrator never shows half-applied within one request.
/// </summary>
public sealed class JurisdictionSettings(JurisdictionProfile fromConfiguration)
{
    public const string Key = "jurisdiction";
    private volatile JurisdictionProfile _current = fromConfiguration;

    public JurisdictionProfile Current => _current;

    /// <summary>Takes the administrator's saved profile, if any, in place of the configuration file's.</summary>
    public async Task LoadAsync(AriadneDbContext db, CancellationToken cancellationToken)
    {
        var stored = await db.Settings.AsNoTracking().SingleOrDefaultAsync(s => s.Key == Key, cancellationToken);
        if (stored is not null && JsonSerializer.Deserialize<JurisdictionProfile>(stored.Json) is { } profile
            && profile.Validate().Count == 0)
        {
            _current = profile;
        }
    }

    public async Task<Dictionary<string, string[]>> SaveAsync(AriadneDbContext db, JurisdictionProfile profile, ClaimsPrincipal user,
        DateTime now)
    {
        var errors = profile.Validate();
        if (errors.Count > 0)
        {
            return errors;
        }
        // Cases refer to outcomes by code: a code in use may be relabelled, never removed.
        var used = await db.Set<CaseOutcome>().Select(o => o.Code).Distinct().ToListAsync();
        var removed = used.Where(code => profile.Outcomes.All(o => o.Code != code)).Order(StringComparer.Ordinal).ToList();
        if (removed.Count > 0)
        {
            errors[nameof(JurisdictionProfile.Outcomes)] =
                [$"{string.Join(", ", removed)} {(removed.Count == 1 ? "is" : "are")} recorded on cases: keep the code (you may change its label)."];
            return errors;
        }
        var value = JsonSerializer.Serialize(profile);
        var stored = await db.Settings.SingleOrDefaultAsync(s => s.Key == Key);
        if (stored is null)
        {
            db.Settings.Add(new StoredSetting { Key = Key, Json = value, UpdatedAt = now, UpdatedByName = user.DisplayName() });
        }
        else
        {
            stored.Json = value;
            stored.UpdatedAt = now;
            stored.UpdatedByName = user.DisplayName();
        }
        await db.SaveChangesAsync();
        _current = profile.Copy();
        return errors;
    }
}
