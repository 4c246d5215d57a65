package org.evgrid.icc.command.declaration;

import java.util.Optional;

import org.evgrid.icc.coreapi.declaration.ProductCatalogue;
import org.springframework.stereotype.Component;

/**
 * The product catalogue declarations are checked against: a {@link ProductCatalogue} bean if infra provides one
 * (configured products), else {@link ProductCatalogue#defaults()}.
 */
@Component
public class DeclarationProducts {

    private final ProductCatalogue catalogue;

    public DeclarationProducts(Optional<ProductCatalogue> configured) {
        this.catalogue = configured.orElseGet(ProductCatalogue::defaults);
    }

    /** The catalogue in force. */
    public ProductCatalogue catalogue() {
        return catalogue;
    }
}
