import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** A demo product as the agent finds it by name (server/platform/seed-data/products.csv). */
export interface DemoProduct {
  name: string;
  search: string;
  abstractSku: string;
  /** Gross, in cents. */
  price: number;
}

/** The demo's Canon IXUS 175, which both the phone order and the gift card tests sell. */
export const CANON: DemoProduct = {
  name: 'Canon IXUS 175',
  search: 'IXUS 175',
  abstractSku: '005',
  price: 7000,
};

// Standard by DHL, gross, in cents.
export const STANDARD = 490;

export const euro = (cents: number) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency: 'EUR' }).format(cents / 100);

/** Finds the product by name in the cart screen's finder and adds it. */
export async function addByName(page: Page, product: DemoProduct, quantity: number) {
  await page.getByRole('combobox', { name: 'Find a product' }).fill(product.search);
  await page
    .getByRole('option', { name: new RegExp(`${product.name}.*${product.abstractSku}`) })
    .click();
  const preview = page.getByRole('form', { name: `Add ${product.name}` });
  await preview.getByLabel('Quantity').fill(String(quantity));
  await preview.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByRole('row', { name: new RegExp(product.name) })).toBeVisible();
}

/** Sonia's own saved address, default for both: the checkout offers it first. */
export const SONIAS_ADDRESS = {
  data: {
    type: 'addresses',
    attributes: {
      salutation: 'Ms',
      firstName: 'Sonia',
      lastName: 'Wagner',
      address1: 'Julie-Wolfthorn-Straße',
      address2: '1',
      zipCode: '10115',
      city: 'Berlin',
      iso2Code: 'DE',
      isDefaultShipping: true,
      isDefaultBilling: true,
    },
  },
};
