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
    public DateTime CreatedAt { get; set; }
}
