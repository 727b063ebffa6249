package com.poly.daas.platform.api;

import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a list. {@code next} is the link to the following page (absent on the last page); {@code cursor} is
 * the same position as an opaque token.
 */
public record Page<T>(List<T> items,
                      @Schema(description = "Opaque cursor of the next page; absent on the last page") String cursor,
                      @Schema(description = "Link to the next page; absent on the last page",
                              example = "/models?limit=50&cursor=djE6Q0NYLTUwMA") String next) {

    /**
     * Builds a page from up to {@code limit + 1} rows fetched in sort order: the extra row only tells that a next
     * page exists.
     */
    public static <E, T> Page<T> of(List<E> rows, PageRequest request, Function<E, String> sortKey,
                                    Function<E, T> mapper, UriInfo uri) {
        boolean more = rows.size() > request.limit();
        List<E> served = more ? rows.subList(0, request.limit()) : rows;
        if (!more) {
            return new Page<>(served.stream().map(mapper).toList(), null, null);
        }
        String cursor = PageRequest.encode(sortKey.apply(served.get(served.size() - 1)));
        String next = uri.getRequestUriBuilder().replaceQueryParam("cursor", cursor)
                .replaceQueryParam("limit", request.limit()).build().toString();
        return new Page<>(served.stream().map(mapper).toList(), cursor, next);
    }
}
