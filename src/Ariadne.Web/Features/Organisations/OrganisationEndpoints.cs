using System.ComponentModel.DataAnnotations;
using Ariadne.Web.Data;
using Ariadne.Web.Features.Shared;
using Ariadne.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Ariadne.Web.Features.Organisations;

public sealed record OrganisationResponse(Guid Id, string Name, string Type, string TypeName, string? Area,
    string? Phone, string? Email, bool IsActive, string Country, Guid? AgencyId, string? IntelligenceCategory)
{
    public static OrganisationResponse From(Organisation o) =>
        new(o.Id, o.Name, o.Type.ToString(), o.Type.DisplayName(), o.Area, o.Phone, o.Email, o.IsActive, o.Country, o.AgencyId,
            o.IntelligenceCategory?.ToString());
}

/// <summary>
/// <paramref name="Country"/> omitted: the organisation keeps its country, or a new one gets the jurisdiction's
/// (<c>Jurisdiction:Country</c>). <paramref name="AgencyId"/> omitted or empty: the organisation is an agency of its own.
/// </summary>
public sealed record OrganisationRequest([property: MaxLength(ColumnLengths.Name)] string? Name, string? Type,
    [property: MaxLength(ColumnLengths.Name)] string? Area, [property: MaxLength(50)] string? Phone,
    [property: MaxLength(ColumnLengths.Name)] string? Email, bool? IsActive,
    [property: MaxLength(2)] string? Country = null, Guid? AgencyId = null, [property: MaxLength(40)] string? IntelligenceCategory = null);

public static class OrganisationEndpoints
{
    public static void MapOrganisations(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/organisations").WithTags("Organisations").WithVersionCheck<Organisation>();

        // The directory (names, types, areas, switchboard numbers) is shared by design: every agency must
        // be able to find whom to refer to. Nothing personal is in it.
        group.MapGet("/", ListAsync).RequireAuthorization(Policies.SignedIn);
        group.MapGet("/{id:guid}", GetAsync).RequireAuthorization(Policies.SignedIn);
        group.MapPost("/", CreateAsync).RequireAuthorization(Policies.Administration);
        group.MapPut("/{id:guid}", UpdateAsync).RequireAuthorization(Policies.Administration);
    }

    private static async Task<Ok<List<OrganisationResponse>>> ListAsync(AriadneDbContext db)
    {
        var organisations = await db.Organisations.AsNoTracking().OrderBy(o => o.Name).ToListAsync();
        return TypedResults.Ok(organisations.Select(OrganisationResponse.From).ToList());
    }

    private static async Task<Results<Ok<OrganisationResponse>, NotFound>> GetAsync(Guid id, AriadneDbContext db) =>
        await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id) is { } o
            ? TypedResults.Ok(OrganisationResponse.From(o))
            : TypedResults.NotFound();

    private static async Task<Results<Created<OrganisationResponse>, ValidationProblem>> CreateAsync(
        OrganisationRequest request, AriadneDbContext db, TimeProvider time, Jurisdiction.JurisdictionProfile jurisdiction)
    {
        var organisation = new Organisation { Name = "", CreatedAt = time.GetUtcNow().UtcDateTime, Country = jurisdiction.Country };
        var errors = await OrganisationRules.ApplyAsync(db, organisation, request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        return TypedResults.Created($"/api/v1/organisations/{organisation.Id}", OrganisationResponse.From(organisation));
    }

    private static async Task<Results<Ok<OrganisationResponse>, NotFound, ValidationProblem>> UpdateAsync(
        Guid id, OrganisationRequest request, AriadneDbContext db)
    {
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == id);
        if (organisation is null)
        {
            return TypedResults.NotFound();
        }
        var errors = await OrganisationRules.ApplyAsync(db, organisation, request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        await db.SaveChangesAsync();
        return TypedResults.Ok(OrganisationResponse.From(organisation));
    }
}

/// <summary>Validation of an organisation's details, shared by the API and the administration pages.</summary>
public static class OrganisationRules
{
    public static async Task<Dictionary<string, string[]>> ApplyAsync(AriadneDbContext db, Organisation target,
        OrganisationRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        var name = request.Name?.Trim() ?? "";
        if (name.Length is < 2 or > 200)
        {
            errors["name"] = ["Enter the organisation's name (2 to 200 characters)."];
        }
        else if (await db.Organisations.AnyAsync(o => o.Name == name && o.Id != target.Id))
        {
            errors["name"] = [$"An organisation called '{name}' already exists."];
        }
        var type = Enums.Named<OrganisationType>(request.Type, ignoreCase: true);
        if (type is null)
        {
            errors["type"] = ["Choose a type: " + string.Join(", ", OrganisationTypes.All) + "."];
        }
        if (request.Email is { Length: > 0 } email && !email.Contains('@', StringComparison.Ordinal))
        {
            errors["email"] = ["Enter a valid e-mail address or leave it empty."];
        }
        var country = string.IsNullOrWhiteSpace(request.Country) ? target.Country : Countries.Normalise(request.Country);
        if (country is null)
        {
            errors["country"] = ["Enter the country as its two-letter ISO 3166-1 code, for instance BE or UA."];
        }
        var agency = request.AgencyId is { } a && a != Guid.Empty ? a : (Guid?)null;
        if (agency is { } agencyId)
        {
            // One level only: a unit belongs to an agency that belongs to none, so "the same agency" is one comparison.
            var parent = await db.Organisations.AsNoTracking().Where(o => o.Id == agencyId).Select(o => new { o.AgencyId, o.Country })
                .SingleOrDefaultAsync();
            if (agencyId == target.Id)
            {
                agency = null;
            }
            else if (parent is null || parent.AgencyId is not null)
            {
                errors["agencyId"] = ["Choose the agency or force itself (an organisation that belongs to no other), or leave it empty."];
            }
            else if (await db.Organisations.AnyAsync(o => o.AgencyId == target.Id))
            {
                errors["agencyId"] = ["Other units belong to this organisation, so it cannot itself belong to another agency."];
            }
        }
        Intelligence.RecipientCategory? category = null;
        if (!string.IsNullOrWhiteSpace(request.IntelligenceCategory))
        {
            category = Enums.Named<Intelligence.RecipientCategory>(request.IntelligenceCategory, ignoreCase: true);
            var allowedCategories = type is { } t
                ? Intelligence.IntelligenceOrganisationTypes.Categories(t)
                : [];
            if (category is null || !allowedCategories.Contains(category.Value))
            {
                errors["intelligenceCategory"] = [allowedCategories.Count == 0
                    ? "This type of organisation receives no intelligence; leave the category empty."
                    : "Choose one of: " + string.Join(", ", allowedCategories) + "."];
            }
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        target.Name = name;
        target.Type = type!.Value;
        target.Area = Clean(request.Area);
        target.Phone = Clean(request.Phone);
        target.Email = Clean(request.Email);
        target.IsActive = request.IsActive ?? target.IsActive;
        target.Country = country!;
        target.AgencyId = agency;
        target.IntelligenceCategory = category;
        return errors;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
