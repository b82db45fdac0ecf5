using System.ComponentModel.DataAnnotations;
using Ariadne.Web.Data;
using Ariadne.Web.Features.Shared;
using Ariadne.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Ariadne.Web.Features.Organisations;

public sealed record OrganisationResponse(Guid Id, string Name, string Type, string TypeName, string? Area,
    string? Phone, string? Email, bool IsActive)
{
    public static OrganisationResponse From(Organisation o) =>
        new(o.Id, o.Name, o.Type.ToString(), o.Type.DisplayName(), o.Area, o.Phone, o.Email, o.IsActive);
}

public sealed record OrganisationRequest([property: MaxLength(ColumnLengths.Name)] string? Name, string? Type, [property: MaxLength(ColumnLengths.Name)] string? Area, [property: MaxLength(50)] string? Phone, [property: MaxLength(ColumnLengths.Name)] string? Email, bool? IsActive);

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
        OrganisationRequest request, AriadneDbContext db, TimeProvider time)
    {
        var organisation = new Organisation { Name = "", CreatedAt = time.GetUtcNow().UtcDateTime };
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
        return errors;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
