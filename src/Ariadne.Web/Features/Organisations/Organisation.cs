namespace Ariadne.Web.Features.Organisations;

/// <summary>An agency taking part in the referral mechanism. Every user and every record belongs to one.</summary>
public sealed class Organisation
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public OrganisationType Type { get; set; }
    /// <summary>The area the organisation serves (region, district, border crossing), used to route referrals.</summary>
    public string? Area { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public bool IsActive { get; set; } = true;
    /// <summary>
    /// ISO 3166-1 alpha-2 country code (issue 10 item 4): where the organisation is, for the dissemination policy's "in the
    /// originator's country / in the EU / outside the EU". Rows from before 0010 hold <see cref="Countries.NotStated"/>
    /// until an administrator sets it; such an organisation is never taken to be in anyone's country (ADR 0011).
    /// </summary>
    public string Country { get; set; } = Countries.NotStated;
    /// <summary>The agency or force the organisation is a unit of; null when it is an agency of its own.</summary>
    public Guid? AgencyId { get; set; }
    /// <summary>
    /// What kind of recipient of intelligence the organisation is, when its type allows several (a labour inspectorate with
    /// or without police powers, a foreign partner); null for types with one category, which is then implied.
    /// </summary>
    public Intelligence.RecipientCategory? IntelligenceCategory { get; set; }

    /// <summary>Several units of one force are one "originating agency"; an organisation that belongs to none is its own.</summary>
    public Guid EffectiveAgencyId => AgencyId ?? Id;
    public DateTime CreatedAt { get; set; }
}
